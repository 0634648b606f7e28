// First schema. Personal data lives in batch_rows and row_results; the audit log and the
// correction log are append-only (triggers below), as UU 27/2022 asks for a record of all
// processing. Never edit a landed migration: add a new one (the hash check refuses edits).
export default `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE agencies (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  contact TEXT,
  -- elements whose SIAK values the cooperation agreement (PKS) allows back, JSON array
  allowed_elements TEXT NOT NULL DEFAULT '[]',
  retention_days INTEGER NOT NULL DEFAULT 90,
  -- last column mapping confirmed by a user, JSON, offered at the next import
  column_map TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE programs (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  code TEXT NOT NULL UNIQUE,
  agency_id INTEGER REFERENCES agencies(id),
  created_at TEXT NOT NULL
);

CREATE TABLE batches (
  id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL REFERENCES agencies(id),
  program_id INTEGER REFERENCES programs(id),
  letter_no TEXT,
  received_on TEXT,
  channel TEXT,
  purpose TEXT,
  file_name TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  sheet_name TEXT,
  header_row INTEGER,
  headers TEXT NOT NULL,        -- JSON array of the agency's header texts, in order
  column_map TEXT NOT NULL,     -- JSON {FIELD: columnIndex}
  state TEXT NOT NULL,
  row_count INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  matched_at TEXT,
  exported_at TEXT,
  purged_at TEXT,
  registry_label TEXT,
  last_error TEXT
);
CREATE INDEX batches_agency ON batches(agency_id, created_at);
CREATE INDEX batches_sha ON batches(file_sha256);

-- One row per data row of the sheet. cells keeps the file's values verbatim (JSON array of
-- strings as displayed plus raw numbers where the cell was numeric); the other columns are
-- normalised copies used by matching.
CREATE TABLE batch_rows (
  batch_id INTEGER NOT NULL REFERENCES batches(id),
  seq INTEGER NOT NULL,          -- 0-based order of data rows
  row_no INTEGER NOT NULL,       -- 1-based row number in the sheet
  cells TEXT NOT NULL,
  nik_input TEXT,
  nik TEXT,                      -- 16 digits, or NULL when it could not be cleaned
  nik_reason TEXT,               -- KOSONG / FORMAT / RUSAK_EXCEL before any lookup
  nik_suspect INTEGER NOT NULL DEFAULT 0,  -- numeric 16-digit cell: Excel may have lost digit 16
  name TEXT,
  birth_place TEXT,
  birth_date TEXT,               -- yyyy-mm-dd, or NULL
  birth_date_raw TEXT,
  sex TEXT,                      -- '1' / '2' / NULL
  kk TEXT,
  mother_name TEXT,
  address TEXT,
  rt TEXT,
  rw TEXT,
  kelurahan TEXT,
  kecamatan TEXT,
  flags TEXT NOT NULL DEFAULT '[]',  -- JSON: import findings (TGL_TIDAK_TERBACA, NIK_TGL_BEDA, ...)
  duplicate_of_row INTEGER,      -- row_no of the first occurrence of the same NIK
  PRIMARY KEY (batch_id, seq)
) WITHOUT ROWID;
CREATE INDEX batch_rows_nik ON batch_rows(nik);

-- Matching result per row; rewritten by re-checks after a correction.
CREATE TABLE row_results (
  batch_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  status TEXT NOT NULL,
  reason TEXT,
  elements TEXT NOT NULL DEFAULT '{}',   -- JSON {ELEMENT: SESUAI|MIRIP|TIDAK_SESUAI|KOSONG}
  registry TEXT,                          -- JSON RegistryPerson snapshot used for the verdict
  candidates TEXT NOT NULL DEFAULT '[]',  -- JSON [{nik, score, source, ...}] best first
  cross_batches TEXT NOT NULL DEFAULT '[]',
  matched_nik TEXT,                       -- NIK after an accepted repair
  element_choice TEXT NOT NULL DEFAULT '{}', -- JSON {ELEMENT: 'AGENCY'|'SIAK'}
  reviewed INTEGER NOT NULL DEFAULT 0,
  unrepairable INTEGER NOT NULL DEFAULT 0,
  checked_at TEXT,
  PRIMARY KEY (batch_id, seq)
) WITHOUT ROWID;

-- Matching progress: a chunk is written in the same transaction as its rows' results,
-- so a crash resumes from the first chunk not listed here.
CREATE TABLE match_chunks (
  batch_id INTEGER NOT NULL,
  chunk_no INTEGER NOT NULL,
  first_seq INTEGER NOT NULL,
  last_seq INTEGER NOT NULL,
  done_at TEXT NOT NULL,
  PRIMARY KEY (batch_id, chunk_no)
) WITHOUT ROWID;

CREATE TABLE corrections (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  operator TEXT NOT NULL,
  at TEXT NOT NULL,
  kind TEXT NOT NULL,             -- NIK_CANDIDATE / NIK_MANUAL / UNREPAIRABLE / ELEMENT_CHOICE / UNDO
  before TEXT NOT NULL,           -- JSON state before
  after TEXT NOT NULL,            -- JSON state after
  reason_code TEXT NOT NULL,
  reason_text TEXT,
  automatic INTEGER NOT NULL DEFAULT 0,
  undoes INTEGER REFERENCES corrections(id)
);
CREATE INDEX corrections_batch ON corrections(batch_id, seq);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  operator TEXT NOT NULL,
  action TEXT NOT NULL,
  batch_id INTEGER,
  row_seq INTEGER,
  detail TEXT NOT NULL DEFAULT '{}',
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_batch ON audit_log(batch_id);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER corrections_no_update BEFORE UPDATE ON corrections
BEGIN SELECT RAISE(ABORT, 'corrections is append-only'); END;
`;
