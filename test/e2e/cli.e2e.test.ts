import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../src/db/test-db.ts';
import { runCli, startCli, stopChild } from '../helpers/run-cli.ts';

// The CLI runs against this test file's own database: a fresh PostgreSQL database in the
// PostgreSQL pass, an on-disk embedded data directory otherwise.
let dataDir: string;
let pgDb: TestDatabase | null = null;
let env: NodeJS.ProcessEnv;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-cli-'));
  if (process.env.DATABASE_URL) pgDb = await createTestDatabase();
  env = {
    LOTLINE_DATA_DIR: dataDir,
    DATABASE_URL: pgDb?.url ?? '',
    LOTLINE_ENCRYPTION_KEYS: 'cli1:' + Buffer.alloc(32, 7).toString('base64'),
  };
});
afterAll(async () => {
  await pgDb?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

// Each command is a real process opening the database (an embedded one initialises its files first).
describe('lotline CLI', { timeout: 180_000 }, () => {
  it('migrates, then says the database is up to date', async () => {
    const first = await runCli(['migrate', '--json'], env);
    expect(first.code).toBe(0);
    const again = await runCli(['migrate', '--json'], env);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({ applied: [] });
  });

  it('adds a user with the password from standard input and issues a token', async () => {
    const add = await runCli(['user', 'add', 'ops', '--role', 'admin', '--role', 'auditor', '--password-stdin', '--json'], env, 'Night-shift-2026\n');
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ username: 'ops', roles: ['admin', 'auditor'] });
    const token = await runCli(['token', 'create', 'ops', '--name', 'script', '--json'], env);
    expect(token.code).toBe(0);
    expect(JSON.parse(token.stdout).token).toMatch(/^llt_/);
  });

  it('exits 2 with a JSON error on invalid input, 1 on a failed operation', async () => {
    const weak = await runCli(['user', 'add', 'weakling', '--role', 'sales', '--password-stdin', '--json'], env, 'short\n');
    expect(weak.code).toBe(2);
    expect(JSON.parse(weak.stdout).error).toMatchObject({ code: 'WEAK_PASSWORD', field: 'password' });
    const badRole = await runCli(['user', 'add', 'x2', '--role', 'pilot', '--password-stdin', '--json'], env, 'pilot-pass-1234\n');
    expect(badRole.code).toBe(2);
    expect(JSON.parse(badRole.stdout).error.field).toBe('roles');
    const noUser = await runCli(['token', 'create', 'ghost', '--json'], env);
    expect(noUser.code).toBe(1);
    expect(JSON.parse(noUser.stdout).error.code).toBe('NOT_FOUND');
    const unknownCommand = await runCli(['frobnicate'], env);
    expect(unknownCommand.code).toBe(2);
  });

  it('verifies the audit chain, and fails naming the record altered behind the trigger', async () => {
    const ok = await runCli(['audit', 'verify', '--json'], env);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true });
    const tamper = `ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
      UPDATE audit_log SET actor_name = 'mallory' WHERE seq = 2;
      ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;`;
    if (pgDb) {
      await pgDb.exec(tamper);
    } else {
      const { openDatabase } = await import('../../src/db/open-database.ts');
      const db = await openDatabase({ dataDir });
      await db.exec(tamper);
      await db.close();
    }
    const broken = await runCli(['audit', 'verify', '--json'], env);
    expect(broken.code).toBe(1);
    const err = JSON.parse(broken.stdout).error;
    expect(err.code).toBe('AUDIT_CHAIN_BROKEN');
    expect(err.message).toContain('audit record 2 ');
  });

  it('refuses a second server on the same embedded data directory', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-lock-'));
    const embedded = { ...env, DATABASE_URL: '', LOTLINE_DATA_DIR: dir, PORT: '0', LOTLINE_ADMIN_PASSWORD: 'Lotline-start-2026' };
    const first = await startCli(['serve'], embedded, /running at (http:\/\/\S+)\//);
    try {
      const res = await fetch(`${first.match[1]}/readyz`);
      expect(res.status).toBe(200);
      const second = await runCli(['serve'], embedded);
      expect(second.code).not.toBe(0);
      expect(second.stderr + second.stdout).toMatch(/in use by process \d+/);
    } finally {
      expect(await stopChild(first.child)).toBe(0);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
