// Texts of the pengaturan page (Bahasa Indonesia, the default).
export default {
  title: 'Pengaturan',
};
