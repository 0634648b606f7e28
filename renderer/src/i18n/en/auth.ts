import type id from '../id/auth.ts';

const en: typeof id = {
  title: 'Sign in',
};
export default en;
