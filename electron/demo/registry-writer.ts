// Writes a SIAK-schema SQLite file (domain.md §2). NIK and NO_KK are INTEGER columns by
// default, like Oracle NUMBER in many SIAK versions, so the 2^53 trap of Papua NIKs is real
// here: every NIK is bound as a BigInt, never as a JavaScript number.
import Database from 'better-sqlite3-multiple-ciphers';
import { renameSync, rmSync } from 'node:fs';
import { PAREPARE_KECAMATAN, PAREPARE_KELURAHAN } from '../../shared/wilayah/index.ts';
import type { DemoFamily, DemoPerson } from './families.ts';

export interface RegistryWriteOptions {
  /** Column type of NIK / NO_KK: INTEGER (SIAK NUMBER) or TEXT (VARCHAR2). */
  nikType?: 'INTEGER' | 'TEXT';
  /** Column type of FLAG_STATUS. */
  flagType?: 'TEXT' | 'INTEGER';
  /** Leave out PINDAH_DETAIL, CAPIL_MATI and SETUP_* to exercise optional tables. */
  minimal?: boolean;
}

export function writeRegistry(path: string, families: readonly DemoFamily[], people: readonly DemoPerson[], opts: RegistryWriteOptions = {}): void {
  const nikType = opts.nikType ?? 'INTEGER';
  const flagType = opts.flagType ?? 'TEXT';
  const key = nikType === 'INTEGER' ? (s: string): bigint | string => BigInt(s) : (s: string): bigint | string => s;
  const flag = flagType === 'INTEGER' ? (s: string): number | string => Number(s) : (s: string): number | string => s;
  const tmp = path + '.tmp';
  rmSync(tmp, { force: true });
  const db = new Database(tmp);
  try {
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(`
      CREATE TABLE BIODATA_WNI (NIK ${nikType} NOT NULL, NO_KK ${nikType}, NAMA_LGKP TEXT, TMPT_LHR TEXT,
        TGL_LHR TEXT, JENIS_KLMIN INTEGER, AGAMA INTEGER, STAT_KWN INTEGER, STAT_HBKEL INTEGER,
        NAMA_LGKP_IBU TEXT, NO_PROP INTEGER, NO_KAB INTEGER, NO_KEC INTEGER, NO_KEL INTEGER, FLAG_STATUS ${flagType});
      CREATE TABLE DATA_KELUARGA (NO_KK ${nikType} NOT NULL, NIK_KK ${nikType}, NAMA_KEP TEXT, ALAMAT TEXT,
        NO_RT TEXT, NO_RW TEXT, KODE_POS INTEGER, NO_PROP INTEGER, NO_KAB INTEGER, NO_KEC INTEGER, NO_KEL INTEGER);
    `);
    const insPerson = db.prepare('INSERT INTO BIODATA_WNI VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)');
    const insFamily = db.prepare('INSERT INTO DATA_KELUARGA VALUES (?,?,?,?,?,?,?,?,?,?,?)');
    const names = new Map<string, string>();
    db.transaction(() => {
      for (const p of people) {
        names.set(p.nik, p.name);
        insPerson.run(key(p.nik), key(p.kk), p.name, p.birthPlace, p.birthDate, Number(p.sex), 1, p.marital, p.relation,
          p.motherName, p.prop, p.kab, p.kec, p.kel, flag(p.flagStatus));
      }
      for (const f of families) {
        insFamily.run(key(f.kk), key(f.head), names.get(f.head) ?? null, f.address, f.rt, f.rw, 91100 + f.kec, f.prop, f.kab, f.kec, f.kel);
      }
      if (!opts.minimal) {
        db.exec(`CREATE TABLE SETUP_KEC (NO_PROP INTEGER, NO_KAB INTEGER, NO_KEC INTEGER, NAMA_KEC TEXT);
          CREATE TABLE SETUP_KEL (NO_PROP INTEGER, NO_KAB INTEGER, NO_KEC INTEGER, NO_KEL INTEGER, NAMA_KEL TEXT);
          CREATE TABLE PINDAH_DETAIL (NO_PINDAH TEXT, NIK ${nikType});
          CREATE TABLE CAPIL_MATI (NIK ${nikType}, NO_AKTA TEXT);`);
        const kec = db.prepare('INSERT INTO SETUP_KEC VALUES (73, 72, ?, ?)');
        for (const k of PAREPARE_KECAMATAN) kec.run(Number(k.code), k.name.toUpperCase());
        const kel = db.prepare('INSERT INTO SETUP_KEL VALUES (73, 72, ?, ?, ?)');
        for (const k of PAREPARE_KELURAHAN) kel.run(Number(k.kec), Number(k.code), k.name.toUpperCase());
        const moved = db.prepare('INSERT INTO PINDAH_DETAIL VALUES (?, ?)');
        const dead = db.prepare('INSERT INTO CAPIL_MATI VALUES (?, ?)');
        let n = 0;
        for (const p of people) {
          if (p.movedOut) moved.run(`SKPWNI/7372/${++n}`, key(p.nik));
          if (p.deceased) dead.run(key(p.nik), `7372-KM-${++n}`);
        }
        db.exec('CREATE INDEX PINDAH_DETAIL_NIK ON PINDAH_DETAIL (NIK); CREATE INDEX CAPIL_MATI_NIK ON CAPIL_MATI (NIK);');
      }
      // Indexes after the inserts: building them once is faster than maintaining them per row.
      db.exec(`CREATE UNIQUE INDEX BIODATA_WNI_NIK ON BIODATA_WNI (NIK);
        CREATE INDEX BIODATA_WNI_KK ON BIODATA_WNI (NO_KK);
        CREATE INDEX BIODATA_WNI_TGL ON BIODATA_WNI (TGL_LHR);
        CREATE UNIQUE INDEX DATA_KELUARGA_KK ON DATA_KELUARGA (NO_KK);`);
    })();
    db.exec('ANALYZE');
  } finally {
    db.close();
  }
  rmSync(path, { force: true });
  renameSync(tmp, path);
}
