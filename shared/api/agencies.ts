import { z } from 'zod';
import { ELEMENTS, type Element } from '../domain.ts';
import { call } from './define.ts';

// Calls of the 'agencies' domain: the agencies (OPD) that send files, what their
// cooperation agreement (PKS) lets Padan send back, retention, and their programs.

export interface AgencyInfo {
  id: number;
  name: string;
  code: string;
  contact: string | null;
  /** Elements whose SIAK values may go back to this agency (UU 24/2013 art. 79). */
  allowedElements: Element[];
  retentionDays: number;
  batches: number;
}

export interface ProgramInfo {
  id: number;
  name: string;
  code: string;
  agencyId: number | null;
  agencyName: string | null;
}

const code = z
  .string()
  .trim()
  .min(2)
  .max(20)
  .regex(/^[A-Za-z0-9_-]+$/, 'hanya huruf, angka, garis bawah dan tanda minus');

export const agenciesCalls = {
  list: call<AgencyInfo[]>()(z.object({}).strict()),
  save: call<AgencyInfo>()(
    z
      .object({
        id: z.number().int().positive().optional(),
        name: z.string().trim().min(2).max(120),
        code,
        contact: z.string().trim().max(200).nullable().optional(),
        allowedElements: z.array(z.enum(ELEMENTS)).max(ELEMENTS.length),
        retentionDays: z.number().int().min(1).max(3650),
      })
      .strict(),
    'ADMIN',
  ),
  programs: call<ProgramInfo[]>()(z.object({ agencyId: z.number().int().positive().optional() }).strict()),
  saveProgram: call<ProgramInfo>()(
    z
      .object({
        id: z.number().int().positive().optional(),
        name: z.string().trim().min(2).max(120),
        code,
        agencyId: z.number().int().positive().nullable(),
      })
      .strict(),
    'ADMIN',
  ),
};
