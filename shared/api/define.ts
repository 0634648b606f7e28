// Building blocks of the API contract. Arguments are zod schemas (validated in the main
// process); results are TypeScript types only, carried by a phantom field.
import type { z } from 'zod';
import type { Role } from '../domain.ts';

export interface ApiError {
  code: string;
  /** In the user's language, saying what happened and what to do. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Who may call: anyone (sign-in), any signed-in operator, or administrators only. */
export type Access = 'PUBLIC' | 'SIGNED_IN' | Role;

export interface CallDef<A extends z.ZodType = z.ZodType, R = unknown> {
  args: A;
  access: Access;
  /** Phantom: never set at runtime, carries the result type. */
  readonly __result?: R;
}

/** `call<Result>()(argsSchema, access)` declares one call of the contract. */
export const call =
  <R>() =>
  <A extends z.ZodType>(args: A, access: Access = 'SIGNED_IN'): CallDef<A, R> => ({ args, access });

export type ArgsOf<C> = C extends CallDef<infer A, unknown> ? z.input<A> : never;
export type ParsedArgsOf<C> = C extends CallDef<infer A, unknown> ? z.output<A> : never;
export type ResultOf<C> = C extends CallDef<z.ZodType, infer R> ? R : never;
