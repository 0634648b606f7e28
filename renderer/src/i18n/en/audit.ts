import type id from '../id/audit.ts';

const en: typeof id = {
  title: 'Audit log',
};
export default en;
