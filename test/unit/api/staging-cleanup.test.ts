import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stageBytes } from '../../../electron/api/batch-staging.ts';
import { openRuntime } from '../../../electron/runtime/index.ts';

describe('staged agency files', () => {
  it('do not outlive the process that staged them: the next start clears them', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'padan-staging-'));
    mkdirSync(dataDir, { recursive: true });
    const { path } = stageBytes(dataDir, 'dtks.csv', Buffer.from('NIK;NAMA\n7372011205800001;ANDI\n').toString('base64'));
    writeFileSync(join(dataDir, 'keep.txt'), 'not staging');
    expect(existsSync(path)).toBe(true);
    const runtime = openRuntime({ host: 'cli', dataDir, key: 'ab'.repeat(32), keyProtection: 'env' });
    try {
      expect(existsSync(path)).toBe(false);
      expect(existsSync(join(dataDir, 'keep.txt'))).toBe(true);
    } finally {
      await runtime.close();
    }
  });
});
