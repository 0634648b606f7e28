import type id from '../id/pengaturan.ts';

const en: typeof id = {
  title: 'Settings',
};
export default en;
