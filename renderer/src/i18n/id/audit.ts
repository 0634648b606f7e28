// Texts of the audit page (Bahasa Indonesia, the default).
export default {
  title: 'Log audit',
};
