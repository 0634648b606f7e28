import type id from '../id/impor.ts';

const en: typeof id = {
  title: 'Import a file',
};
export default en;
