import { z } from 'zod';
import { call } from './define.ts';

// Calls of the 'stats' domain.
export const statsCalls = {
  // calls are added here, e.g.: list: call<Thing[]>()(z.object({}).strict()),
};
void z;
void call;
