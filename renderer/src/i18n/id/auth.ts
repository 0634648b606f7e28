// Texts of the auth page (Bahasa Indonesia, the default).
export default {
  title: 'Masuk',
};
