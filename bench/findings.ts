// What limits each stage that misses its goal, from `node --cpu-prof` profiles of the stage
// (bench/profile.ts). Written by hand after profiling; bench/readme-table.ts prints the entry
// of every stage whose ratio misses its goal in the run being reported.
export const LIMITS = {
  import: 'not profiled yet.',
  match: 'not profiled yet.',
  export: 'not profiled yet.',
  e2e: 'not profiled yet.',
  peak: 'not profiled yet.',
} as const;
