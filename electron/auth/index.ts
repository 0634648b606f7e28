// Local accounts, sessions and role rules (issue 8).
export { AuthError, type AuthErrorCode } from './errors.ts';
export { hashPassword, verifyPassword, SCRYPT_PARAMS } from './password.ts';
export { listOperators, createOperator, setOperatorDisabled, resetPassword, countOperators, type Operator } from './operators.ts';
export { authStatus, setupAdmin, signIn, signOut, lockSession, checkIdle, idleLockMinutes, IDLE_LOCK_SETTING, type AuthStatus } from './session.ts';
export { can, PERMISSIONS, type Permission } from './roles.ts';
export { cliOperator } from './cli-operator.ts';
export { acquireStoreLock, STORE_IN_USE_MESSAGE, type StoreLock } from './store-lock.ts';
