import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Database } from '../src/db/types.ts';
import { openPglite } from '../src/db/pglite-database.ts';
import { openPostgres } from '../src/db/postgres-database.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadConfig } from '../src/platform/config.ts';

/** A fresh, migrated database for one benchmark: a new database on DATABASE_URL's server, or embedded. */
export async function benchDatabase(name: string, opts: { poolSize?: number } = {}): Promise<{ db: Database; url: string | null; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `lotline-bench-${name}-`));
    const db = await openPglite({ dataDir: dir });
    await migrate(db);
    return { db, url: null, async drop() { await db.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
  }
  const dbName = `lotline_bench_${name.replace(/[^a-z0-9]/g, '_')}`;
  const admin = new pg.Client({ connectionString: withDatabase(base, 'postgres') });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const url = withDatabase(base, dbName);
  // DATABASE_PREPARED_STATEMENTS=off measures the unnamed-statement path (before/after figures).
  const db = openPostgres(url, { max: opts.poolSize ?? 20, preparedStatements: loadConfig().preparedStatements });
  await migrate(db);
  return {
    db,
    url,
    async drop() {
      await db.close();
      const a = new pg.Client({ connectionString: withDatabase(base, 'postgres') });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
      await a.end();
    },
  };
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
