import type id from '../id/koreksi.ts';

const en: typeof id = {
  title: 'Review',
};
export default en;
