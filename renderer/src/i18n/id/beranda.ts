// Texts of the beranda page (Bahasa Indonesia, the default).
export default {
  title: 'Beranda',
};
