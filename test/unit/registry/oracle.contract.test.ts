// Runs the registry contract against a real Oracle (Oracle Database Free in a container),
// seeded by test/oracle/seed.ts. Only when PADAN_ORACLE_TEST_URL is set, e.g.
//   PADAN_ORACLE_TEST_URL=oracle://padan@127.0.0.1:1521/FREEPDB1 PADAN_ORACLE_PASSWORD=... npx vitest run test/unit/registry
import { generateFamilies } from '../../../electron/demo/families.ts';
import { createPrng } from '../../../electron/demo/prng.ts';
import { openRegistry, parseRegistryArg } from '../../../electron/registry/open.ts';
import { CONTRACT_MAPPING, CONTRACT_PERSONS, CONTRACT_SEED, registryContract } from './contract.ts';

const url = process.env.PADAN_ORACLE_TEST_URL;
if (!url) console.warn('SKIPPED: Oracle contract suite — PADAN_ORACLE_TEST_URL not set (no Oracle server on this machine)');

// The reason goes into the suite's name, so the skipped list of `npm test` shows it.
registryContract(url ? 'Oracle' : 'Oracle [skipped: PADAN_ORACLE_TEST_URL not set, no Oracle server here]', async () => {
  const { families, people } = generateFamilies(createPrng(CONTRACT_SEED), CONTRACT_PERSONS);
  const registry = await openRegistry(parseRegistryArg(url!), CONTRACT_MAPPING, { oracle: { connectTimeoutSec: 10, callTimeoutMs: 30_000 } });
  return { registry, families, people };
}, !url);
