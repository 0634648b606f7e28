// End of retention: plan first (what will go), then purge (issue 8).
export { planPurge, type PurgeCandidate } from './plan.ts';
export { purgeBatches, wipeFreedPages, type PurgeOutcome } from './purge.ts';
