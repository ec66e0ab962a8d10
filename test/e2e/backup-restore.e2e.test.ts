import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../src/db/pglite-database.ts';
import { createTestDatabase } from '../../src/db/test-db.ts';
import { runCli } from '../helpers/run-cli.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-backup-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const embedded = (dir: string) => ({ DATABASE_URL: '', LOTLINE_DATA_DIR: path.join(tmp, dir) });
const json = (out: string) => JSON.parse(out.trim().split('\n').at(-1)!);

async function countRows(sql: string, env: { DATABASE_URL: string; LOTLINE_DATA_DIR?: string }): Promise<number> {
  if (env.DATABASE_URL) {
    const c = new pg.Client({ connectionString: env.DATABASE_URL });
    await c.connect();
    try {
      return Number((await c.query(sql)).rows[0].n);
    } finally {
      await c.end();
    }
  }
  const db = await openPglite({ dataDir: path.join(env.LOTLINE_DATA_DIR!, 'pg') });
  try {
    return Number((await db.query<{ n: number }>(sql)).rows[0]!.n);
  } finally {
    await db.close();
  }
}

const DEVICES = 'SELECT count(*)::int AS n FROM devices';

describe('lotline backup / restore on the embedded database', { timeout: 300_000 }, () => {
  it('restores a copy into an empty data directory that passes lotline check', async () => {
    expect((await runCli(['seed', '--demo', '--json'], embedded('a'))).code).toBe(0);
    const file = path.join(tmp, 'a.backup');
    const backup = await runCli(['backup', file, '--json'], embedded('a'));
    expect(backup.code, backup.stderr).toBe(0);
    expect(json(backup.stdout)).toMatchObject({ format: 'pglite', bytes: expect.any(Number) });

    const restore = await runCli(['restore', file, '--json'], embedded('b'));
    expect(restore.code, restore.stdout + restore.stderr).toBe(0);
    expect(json(restore.stdout)).toMatchObject({ format: 'pglite', check: { ok: true } });
    const check = await runCli(['check', '--json'], embedded('b'));
    expect(check.code, check.stdout).toBe(0);
    expect(await countRows(DEVICES, embedded('b'))).toBe(await countRows(DEVICES, embedded('a')));
  });

  it('never restores over a database that holds data, nor overwrites a backup file', async () => {
    const file = path.join(tmp, 'a.backup');
    const over = await runCli(['restore', file, '--json'], embedded('a'));
    expect(over.code).toBe(1);
    expect(json(over.stdout).error.code).toBe('INVALID_STATE');
    const again = await runCli(['backup', file, '--json'], embedded('a'));
    expect(json(again.stdout).error).toMatchObject({ code: 'DUPLICATE', field: 'file' });
  });

  it('refuses a file that is not a backup as invalid input', async () => {
    const junk = path.join(tmp, 'junk.txt');
    fs.writeFileSync(junk, 'hello');
    const r = await runCli(['restore', junk, '--json'], embedded('c'));
    expect(r.code).toBe(2);
    expect(json(r.stdout).error).toMatchObject({ code: 'VALIDATION_FAILED', field: 'file' });
  });
});

describe.runIf(process.env.DATABASE_URL)('lotline backup / restore on PostgreSQL', { timeout: 300_000 }, () => {
  it('restores a pg_dump archive into an empty database that passes lotline check', async () => {
    const source = await createTestDatabase();
    const emptyName = `lotline_restore_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${emptyName}`);
      const target = new URL(source.url!);
      target.pathname = `/${emptyName}`;
      const src = { DATABASE_URL: source.url! };
      const dst = { DATABASE_URL: target.toString() };
      expect((await runCli(['seed', '--demo', '--json'], src)).code).toBe(0);
      const file = path.join(tmp, 'pg.backup');
      const backup = await runCli(['backup', file, '--json'], src);
      expect(backup.code, backup.stdout + backup.stderr).toBe(0);
      expect(json(backup.stdout).format).toBe('pg_dump');
      const restore = await runCli(['restore', file, '--json'], dst);
      expect(restore.code, restore.stdout + restore.stderr).toBe(0);
      expect(json(restore.stdout).check.ok).toBe(true);
      expect(await countRows(DEVICES, dst)).toBe(await countRows(DEVICES, src));
      const over = await runCli(['restore', file, '--json'], src);
      expect(json(over.stdout).error.code).toBe('INVALID_STATE');
    } finally {
      await source.close();
      await admin.query(`DROP DATABASE IF EXISTS ${emptyName} WITH (FORCE)`);
      await admin.end();
    }
  });

  it('moves a site off the embedded database: an embedded backup restores into PostgreSQL', async () => {
    const emptyName = `lotline_move_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${emptyName}`);
      const target = new URL(process.env.DATABASE_URL!);
      target.pathname = `/${emptyName}`;
      const dst = { DATABASE_URL: target.toString() };
      expect((await runCli(['seed', '--demo', '--json'], embedded('move'))).code).toBe(0);
      const file = path.join(tmp, 'move.backup');
      expect((await runCli(['backup', file, '--json'], embedded('move'))).code).toBe(0);
      const restore = await runCli(['restore', file, '--json'], dst);
      expect(restore.code, restore.stdout + restore.stderr).toBe(0);
      expect(json(restore.stdout).check.ok).toBe(true);
      for (const table of ['devices', 'parties', 'audit_log', 'users', 'role_permissions']) {
        const sql = `SELECT count(*)::int AS n FROM ${table}`;
        expect(await countRows(sql, dst), table).toBe(await countRows(sql, embedded('move')));
      }
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${emptyName} WITH (FORCE)`);
      await admin.end();
    }
  });
});
