import type id from '../id/laporan.ts';

const en: typeof id = {
  title: 'Reports',
};
export default en;
