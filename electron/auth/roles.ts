// What each role may do (issue 8). The dispatcher enforces 'ADMIN' calls; engine code that
// needs a finer check (e.g. "all batches" versus "own batches") asks can().
import type { Role } from '../../shared/domain.ts';

export const PERMISSIONS = {
  ADMIN: ['REGISTRY_SETTINGS', 'AGENCIES', 'RETENTION', 'BACKUP', 'OPERATORS', 'ALL_BATCHES', 'AUDIT',
    'IMPORT', 'MATCH', 'REVIEW', 'EXPORT', 'REPORT'],
  OPERATOR: ['IMPORT', 'MATCH', 'REVIEW', 'EXPORT', 'REPORT'],
} as const satisfies Record<Role, readonly string[]>;

export type Permission = (typeof PERMISSIONS)['ADMIN'][number];

export function can(role: Role | undefined | null, permission: Permission): boolean {
  return !!role && (PERMISSIONS[role] as readonly string[]).includes(permission);
}
