// Texts of the sign-in, first-start and lock screens (Bahasa Indonesia, the default).
export default {
  title: 'Masuk',
  intro: 'Masuk dengan akun operator Anda. Setiap tindakan dicatat atas nama Anda di log audit.',
  username: 'Nama pengguna',
  password: 'Kata sandi',
  signIn: 'Masuk',
  signingIn: 'Memeriksa…',
  setupTitle: 'Selamat datang di Padan',
  setupIntro:
    'Ini awal pertama Padan di komputer ini. Buat akun administrator: administrator mengatur koneksi SIAK, OPD, retensi dan cadangan, serta membuat akun operator.',
  displayName: 'Nama lengkap',
  passwordRepeat: 'Ulangi kata sandi',
  passwordHint: 'Minimal 8 karakter. Simpan di tempat aman: kata sandi tidak dapat dipulihkan.',
  passwordMismatch: 'Kedua kata sandi tidak sama.',
  createAdmin: 'Buat akun administrator',
  lockedTitle: 'Sesi terkunci',
  lockedIntro: 'Sesi dikunci karena tidak ada aktivitas atau dikunci oleh {{name}}. Masuk kembali untuk melanjutkan.',
  lockedIntroAnon: 'Sesi dikunci. Masuk kembali untuk melanjutkan.',
  footer: 'Data kependudukan dilindungi UU 24/2013 dan UU 27/2022. Data lokal terenkripsi.',
};
