// Errors of sign-in and account management. The dispatcher passes code and Indonesian
// message of an 'AuthError' through to the user (electron/api/errors.ts).
export type AuthErrorCode =
  | 'AUTH_SETUP_DONE'
  | 'AUTH_BAD_CREDENTIALS'
  | 'AUTH_DISABLED'
  | 'AUTH_USERNAME_TAKEN'
  | 'AUTH_UNKNOWN_OPERATOR'
  | 'AUTH_WEAK_PASSWORD'
  | 'AUTH_LAST_ADMIN'
  | 'AUTH_STORE_IN_USE'
  | 'AUTH_LOCKED_OUT';

export class AuthError extends Error {
  constructor(
    readonly code: AuthErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}
