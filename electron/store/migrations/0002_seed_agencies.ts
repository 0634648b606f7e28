// The city's usual agencies (OPD) and programs, so a new office can import at once.
// Elements allowed back default to none: UU 24/2013 art. 79 (domain.md §6).
const now = "strftime('%Y-%m-%dT%H:%M:%fZ','now')";

const agencies: [string, string][] = [
  ['Dinas Sosial', 'DINSOS'],
  ['Dinas Kesehatan', 'DINKES'],
  ['Dinas Pendidikan', 'DISDIK'],
  ['Dinas Perindustrian dan Perdagangan', 'DISPERINDAG'],
  ['BKPSDMD', 'BKPSDMD'],
];

const programs: [string, string, string | null][] = [
  ['DTKS', 'DTKS', 'DINSOS'],
  ['BST', 'BST', 'DINSOS'],
  ['PKH', 'PKH', 'DINSOS'],
  ['BPNT', 'BPNT', 'DINSOS'],
  ['PBI BPJS', 'PBI', 'DINKES'],
  ['Vaksin', 'VAKSIN', 'DINKES'],
  ['UMKM', 'UMKM', 'DISPERINDAG'],
];

const q = (s: string | null) => (s === null ? 'NULL' : `'${s.replace(/'/g, "''")}'`);

export default [
  ...agencies.map(
    ([name, code]) => `INSERT INTO agencies (name, code, created_at) VALUES (${q(name)}, ${q(code)}, ${now});`,
  ),
  ...programs.map(
    ([name, code, agency]) =>
      `INSERT INTO programs (name, code, agency_id, created_at) VALUES (${q(name)}, ${q(code)}, ` +
      `(SELECT id FROM agencies WHERE code = ${q(agency)}), ${now});`,
  ),
].join('\n');
