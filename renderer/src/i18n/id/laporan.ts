// Texts of the laporan page (Bahasa Indonesia, the default).
export default {
  title: 'Laporan',
};
