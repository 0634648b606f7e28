// Seeds an Oracle database (e.g. Oracle Database Free in a container) with the same demo
// data the contract suite expects. NIK / NO_KK are NUMBER(16) as in many SIAK versions.
//   docker run -d -p 1521:1521 -e ORACLE_PASSWORD=... -e APP_USER=padan -e APP_USER_PASSWORD=... gvenzl/oracle-free
//   PADAN_ORACLE_PASSWORD=... node --import tsx test/oracle/seed.ts oracle://padan@127.0.0.1:1521/FREEPDB1 [PERSONS] [SEED]
import oracledb from 'oracledb';
import { generateFamilies } from '../../electron/demo/families.ts';
import { createPrng } from '../../electron/demo/prng.ts';
import { parseRegistryArg } from '../../electron/registry/open.ts';
import { PAREPARE_KECAMATAN, PAREPARE_KELURAHAN } from '../../shared/wilayah/index.ts';
import { CONTRACT_PERSONS, CONTRACT_SEED } from '../unit/registry/contract.ts';

const spec = parseRegistryArg(process.argv[2] ?? process.env.PADAN_ORACLE_TEST_URL ?? '');
if (spec.kind !== 'oracle') throw new Error('Butuh URL oracle://USER@HOST:PORT/SERVICE');
const persons = Number(process.argv[3] ?? CONTRACT_PERSONS);
const seed = Number(process.argv[4] ?? CONTRACT_SEED);
const { families, people } = generateFamilies(createPrng(seed), persons);

const conn = await oracledb.getConnection({
  user: spec.user, password: spec.password, connectString: `${spec.host}:${spec.port}/${spec.serviceName}`,
  connectTimeout: 15, transportConnectTimeout: 15,
});
conn.callTimeout = 600_000;
const ddl = [
  `CREATE TABLE BIODATA_WNI (NIK NUMBER(16) NOT NULL, NO_KK NUMBER(16), NAMA_LGKP VARCHAR2(100), TMPT_LHR VARCHAR2(60),
    TGL_LHR DATE, JENIS_KLMIN NUMBER(1), AGAMA NUMBER(2), STAT_KWN NUMBER(2), STAT_HBKEL NUMBER(2), NAMA_LGKP_IBU VARCHAR2(100),
    NO_PROP NUMBER(2), NO_KAB NUMBER(2), NO_KEC NUMBER(3), NO_KEL NUMBER(4), FLAG_STATUS VARCHAR2(2))`,
  `CREATE UNIQUE INDEX BIODATA_WNI_NIK ON BIODATA_WNI (NIK)`,
  `CREATE INDEX BIODATA_WNI_KK ON BIODATA_WNI (NO_KK)`,
  `CREATE INDEX BIODATA_WNI_TGL ON BIODATA_WNI (TGL_LHR)`,
  `CREATE TABLE DATA_KELUARGA (NO_KK NUMBER(16) NOT NULL, NIK_KK NUMBER(16), NAMA_KEP VARCHAR2(100), ALAMAT VARCHAR2(200),
    NO_RT VARCHAR2(3), NO_RW VARCHAR2(3), KODE_POS NUMBER(5), NO_PROP NUMBER(2), NO_KAB NUMBER(2), NO_KEC NUMBER(3), NO_KEL NUMBER(4))`,
  `CREATE UNIQUE INDEX DATA_KELUARGA_KK ON DATA_KELUARGA (NO_KK)`,
  `CREATE TABLE SETUP_KEC (NO_PROP NUMBER(2), NO_KAB NUMBER(2), NO_KEC NUMBER(3), NAMA_KEC VARCHAR2(60))`,
  `CREATE TABLE SETUP_KEL (NO_PROP NUMBER(2), NO_KAB NUMBER(2), NO_KEC NUMBER(3), NO_KEL NUMBER(4), NAMA_KEL VARCHAR2(60))`,
  `CREATE TABLE PINDAH_DETAIL (NO_PINDAH VARCHAR2(40), NIK NUMBER(16))`,
  `CREATE TABLE CAPIL_MATI (NIK NUMBER(16), NO_AKTA VARCHAR2(40))`,
];
for (const t of ['BIODATA_WNI', 'DATA_KELUARGA', 'SETUP_KEC', 'SETUP_KEL', 'PINDAH_DETAIL', 'CAPIL_MATI']) {
  await conn.execute(`BEGIN EXECUTE IMMEDIATE 'DROP TABLE ${t} PURGE'; EXCEPTION WHEN OTHERS THEN NULL; END;`);
}
for (const s of ddl) await conn.execute(s);

// NIKs go in as strings: Oracle converts them to NUMBER exactly (a JS number would not).
const names = new Map(people.map((p) => [p.nik, p.name]));
await conn.executeMany(
  `INSERT INTO BIODATA_WNI VALUES (:1, :2, :3, :4, TO_DATE(:5, 'YYYY-MM-DD'), :6, 1, :7, :8, :9, :10, :11, :12, :13, :14)`,
  people.map((p) => [p.nik, p.kk, p.name, p.birthPlace, p.birthDate, Number(p.sex), p.marital, p.relation, p.motherName, p.prop, p.kab, p.kec, p.kel, p.flagStatus]),
);
await conn.executeMany(`INSERT INTO DATA_KELUARGA VALUES (:1, :2, :3, :4, :5, :6, :7, :8, :9, :10, :11)`,
  families.map((f) => [f.kk, f.head, names.get(f.head) ?? null, f.address, f.rt, f.rw, 91100 + f.kec, f.prop, f.kab, f.kec, f.kel]));
await conn.executeMany(`INSERT INTO SETUP_KEC VALUES (73, 72, :1, :2)`, PAREPARE_KECAMATAN.map((k) => [Number(k.code), k.name.toUpperCase()]));
await conn.executeMany(`INSERT INTO SETUP_KEL VALUES (73, 72, :1, :2, :3)`, PAREPARE_KELURAHAN.map((k) => [Number(k.kec), Number(k.code), k.name.toUpperCase()]));
const moved = people.filter((p) => p.movedOut).map((p, i) => [`SKPWNI/7372/${i + 1}`, p.nik]);
if (moved.length) await conn.executeMany(`INSERT INTO PINDAH_DETAIL VALUES (:1, :2)`, moved);
const dead = people.filter((p) => p.deceased).map((p, i) => [p.nik, `7372-KM-${i + 1}`]);
if (dead.length) await conn.executeMany(`INSERT INTO CAPIL_MATI VALUES (:1, :2)`, dead);
await conn.commit();
await conn.close();
console.log(`Oracle diisi: ${people.length} penduduk, ${families.length} KK (seed ${seed}).`);
