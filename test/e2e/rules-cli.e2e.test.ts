import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/db/test-db.ts';
import { runCli } from '../helpers/run-cli.ts';
import { DEFAULT_RULES } from '../../src/modules/rules/default-rule-set.ts';

let dir: string;
let pgDb: TestDatabase | null = null;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-rules-cli-'));
  if (process.env.DATABASE_URL) pgDb = await createTestDatabase();
  env = { LOTLINE_DATA_DIR: dir, DATABASE_URL: pgDb?.url ?? '', LOTLINE_ENCRYPTION_KEYS: `r1:${Buffer.alloc(32, 3).toString('base64')}` };
});
afterAll(async () => {
  await pgDb?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('lotline rules', { timeout: 180_000 }, () => {
  it('lists, creates a version from a file, dry-runs and activates it', async () => {
    const list = await runCli(['rules', 'list', '--json'], env);
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).builtIn.rules).toHaveLength(DEFAULT_RULES.length);

    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, JSON.stringify({ effectiveFrom: '2026-01-01', rules: [{ code: 'x', scope: 'nowhere' }] }));
    const refused = await runCli(['rules', 'create', bad, '--json'], env);
    expect(refused.code).toBe(2);
    expect(JSON.parse(refused.stdout).error.field).toMatch(/^rules\.0/);

    const good = path.join(dir, 'good.json');
    fs.writeFileSync(good, JSON.stringify({ effectiveFrom: '2026-01-01', rules: DEFAULT_RULES }));
    const created = JSON.parse((await runCli(['rules', 'create', good, '--json'], env)).stdout);
    expect(created).toMatchObject({ version: 1, status: 'draft' });
    const dry = await runCli(['rules', 'dry-run', created.id, '--json'], env);
    expect(JSON.parse(dry.stdout)).toMatchObject({ ordersChecked: 0, changed: [] });
    const activated = await runCli(['rules', 'activate', created.id, '--json'], env);
    expect(JSON.parse(activated.stdout)).toMatchObject({ status: 'active', version: 1 });
    const again = await runCli(['rules', 'activate', created.id, '--json'], env);
    expect(again.code).toBe(1);
    expect(JSON.parse(again.stdout).error.code).toBe('INVALID_STATE');
  });
});
