// Texts of the impor page (Bahasa Indonesia, the default).
export default {
  title: 'Impor berkas',
};
