// A big write (an import's one transaction) would end with SQLite's automatic WAL checkpoint:
// every page it wrote copied again into the database file, about 0.3 s per 100,000 rows,
// while the user waits for "saved". Durability does not need it (the commit is in the WAL),
// so the checkpoint is moved out of the wait: turned off for the write, run passively once the
// event loop is free. If the process ends first, closing the connection checkpoints anyway,
// and the next commit over the threshold would do it as usual.
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';

/** SQLite's default threshold, in pages. */
const AUTO_CHECKPOINT_PAGES = 1000;

export function withDeferredCheckpoint<T>(db: Db, write: () => T): T {
  db.pragma('wal_autocheckpoint = 0');
  try {
    return write();
  } finally {
    db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
    const later = setTimeout(() => {
      try {
        if (db.open && !db.inTransaction) db.pragma('wal_checkpoint(PASSIVE)');
      } catch {
        // A busy or closed store checkpoints at its next commit or at close.
      }
    }, 0);
    later.unref();
  }
}
