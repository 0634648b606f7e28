// Local operator accounts (issue 8). The password hash carries its own scrypt parameters
// (electron/auth/password.ts), so they can be raised later without a migration.
export default `
CREATE TABLE operators (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('ADMIN', 'OPERATOR')),
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT,
  disabled INTEGER NOT NULL DEFAULT 0,
  password_changed_at TEXT
);
`;
