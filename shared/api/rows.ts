import { z } from 'zod';
import { call } from './define.ts';

// Calls of the 'rows' domain.
export const rowsCalls = {
  // calls are added here, e.g.: list: call<Thing[]>()(z.object({}).strict()),
};
void z;
void call;
