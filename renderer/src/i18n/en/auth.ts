import type id from '../id/auth.ts';

const en: typeof id = {
  title: 'Sign in',
  intro: 'Sign in with your operator account. Every action is recorded under your name in the audit log.',
  username: 'User name',
  password: 'Password',
  signIn: 'Sign in',
  signingIn: 'Checking…',
  setupTitle: 'Welcome to Padan',
  setupIntro:
    'This is the first start of Padan on this computer. Create the administrator account: administrators configure SIAK, agencies, retention and backups, and create operator accounts.',
  displayName: 'Full name',
  passwordRepeat: 'Repeat password',
  passwordHint: 'At least 8 characters. Keep it safe: passwords cannot be recovered.',
  passwordMismatch: 'The passwords differ.',
  createAdmin: 'Create administrator account',
  lockedTitle: 'Session locked',
  lockedIntro: 'The session was locked after inactivity or by {{name}}. Sign in again to continue.',
  lockedIntroAnon: 'The session is locked. Sign in again to continue.',
  footer: 'Population data is protected by Law 24/2013 and Law 27/2022. Local data is encrypted.',
};
export default en;
