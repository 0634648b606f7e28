// Retention purge (issue 8). A purge deletes a batch's personal data but keeps what the
// monthly statistics need, in batch_purges. Corrections stay append-only while a batch
// lives: their rows may only be deleted once the batch is marked PURGED (the purge does
// that first, in the same transaction), and the count of corrections is kept here.
export default `
CREATE TABLE batch_purges (
  batch_id INTEGER PRIMARY KEY REFERENCES batches(id),
  purged_at TEXT NOT NULL,
  purged_by TEXT NOT NULL,
  row_count INTEGER NOT NULL,
  correction_count INTEGER NOT NULL,
  -- JSON {STATUS: count} of the final results at purge time
  status_counts TEXT NOT NULL DEFAULT '{}'
);

CREATE TRIGGER corrections_delete_only_purged BEFORE DELETE ON corrections
WHEN (SELECT state FROM batches WHERE id = OLD.batch_id) IS NOT 'PURGED'
BEGIN SELECT RAISE(ABORT, 'corrections is append-only until its batch is purged'); END;

CREATE INDEX audit_log_action ON audit_log(action, id);
CREATE INDEX audit_log_operator ON audit_log(operator, id);
CREATE INDEX audit_log_at ON audit_log(at);
`;
