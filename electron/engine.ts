// The engine's functions in one module, for scripts that measure the build as it ships
// (bench/stage.ts with PADAN_BENCH_BUILT=1 loads out/main/engine.js; from source, this file).
export { exportBatch, buildResultRows } from './export/index.ts';
export { importFile } from './import/index.ts';
export { resolveAgency } from './match/cli-agency.ts';
export { writeRowsJsonl } from './match/cli-output.ts';
export { matchBatch } from './match/run.ts';
export { openRegistry } from './registry/open.ts';
export { openStoreDb } from './store/open.ts';
export { DEFAULT_SCHEMA_MAPPING } from '../shared/registry-mapping.ts';
