// Texts of the koreksi page (Bahasa Indonesia, the default).
export default {
  title: 'Koreksi',
};
