// The review engine: decisions, undo, the automatic step, and the reads of the review page.
export { decide, applyDecisions, checkReason, type DecideInput, type ReviewDeps } from './decide.ts';
export { undoCorrection, undoAutomatic } from './undo.ts';
export { autoRepair, autoRepairCandidates } from './auto.ts';
export { listRows, reviewableBatches } from './list.ts';
export { rowDetail, candidateViews } from './detail.ts';
export { listCorrections, effectiveCorrections } from './log.ts';
export { refreshStats } from './stats-hook.ts';
export { visibleKeys } from './fields.ts';
