import type id from '../id/beranda.ts';

const en: typeof id = {
  title: 'Home',
};
export default en;
