import { z } from 'zod';
import type { Role } from '../domain.ts';
import { ROLES } from '../domain.ts';
import { call } from './define.ts';

// Calls of the 'auth' domain: first-start setup, sign-in, lock, operator accounts.

export interface SessionInfo {
  operator: string;
  displayName: string;
  role: Role;
  signedInAt: string;
}

export interface AuthStatusInfo {
  /** False on the very first start: show "buat akun administrator". */
  hasAccounts: boolean;
  session: SessionInfo | null;
  /** Who was signed in when the session locked (for the lock screen), or null. */
  lockedOperator: string | null;
  idleLockMinutes: number;
}

export interface OperatorInfo {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  createdAt: string;
  disabled: boolean;
}

const username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'hanya huruf, angka, titik, garis bawah dan tanda minus');
const password = z.string().min(8).max(256);
const displayName = z.string().trim().min(1).max(100);

export const authCalls = {
  status: call<AuthStatusInfo>()(z.object({}).strict(), 'PUBLIC'),
  /** Only while no account exists. */
  setupAdmin: call<OperatorInfo>()(z.object({ username, displayName, password }).strict(), 'PUBLIC'),
  signIn: call<AuthStatusInfo>()(z.object({ username: z.string().max(64), password: z.string().max(256) }).strict(), 'PUBLIC'),
  signOut: call<null>()(z.object({}).strict(), 'PUBLIC'),
  lock: call<null>()(z.object({}).strict(), 'PUBLIC'),
  setIdleLockMinutes: call<AuthStatusInfo>()(z.object({ minutes: z.number().int().min(1).max(1440) }).strict(), 'ADMIN'),
  listOperators: call<OperatorInfo[]>()(z.object({}).strict(), 'ADMIN'),
  createOperator: call<OperatorInfo>()(
    z.object({ username, displayName, password, role: z.enum(ROLES) }).strict(),
    'ADMIN',
  ),
  setOperatorDisabled: call<OperatorInfo>()(z.object({ username, disabled: z.boolean() }).strict(), 'ADMIN'),
  resetPassword: call<null>()(z.object({ username, password }).strict(), 'ADMIN'),
};
