// Rows by repaired NIK, for the cross-batch marks a repair in Koreksi rewrites
// (electron/match/cross-batch.ts, remarkRow): the rows of other batches repaired to the same
// NIK are found by key instead of by reading every row of those batches. Partial: matching
// never sets matched_nik and most rows are never repaired, so the index stays small and an
// import or a match run does not write to it.
export default `
CREATE INDEX row_results_matched_nik ON row_results(matched_nik) WHERE matched_nik IS NOT NULL;
`;
