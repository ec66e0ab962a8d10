import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { Database } from './types.ts';
import { openPglite } from './pglite-database.ts';
import { openPostgres } from './postgres-database.ts';
import { migrate, migrationsFingerprint } from './migrate.ts';

/**
 * A fresh, migrated database per test file: with DATABASE_URL a new database on that server,
 * copied from a migrated template; without it an in-memory PGlite loaded from a migrated dump.
 * Templates are keyed by the migrations' fingerprint, so a new migration rebuilds them.
 */
export interface TestDatabase extends Database {
  /** Connection string of this database (PostgreSQL only), for a second process or a raw client. */
  url: string | null;
}

const CACHE_DIR = path.resolve('node_modules/.cache/lotline-test');
const pgliteTemplateFile = () => path.join(CACHE_DIR, `pglite-${migrationsFingerprint()}.tar.gz`);
const pgTemplateName = () => `lotline_tpl_${migrationsFingerprint()}`;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  return client;
}

let prepared: Promise<void> | undefined;

/** Builds the template once per migration set; the first test file that needs it builds it. */
export function prepareTestTemplate(databaseUrl = process.env.DATABASE_URL): Promise<void> {
  return (prepared ??= buildTemplate(databaseUrl));
}

async function buildTemplate(databaseUrl: string | undefined): Promise<void> {
  if (databaseUrl) {
    const admin = await adminClient(databaseUrl);
    try {
      await admin.query('SELECT pg_advisory_lock(7240002)');
      const name = pgTemplateName();
      const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (!exists.rows.length) {
        await admin.query(`CREATE DATABASE ${name}_building`);
        const db = openPostgres(withDatabase(databaseUrl, `${name}_building`), { max: 1 });
        await migrate(db);
        await db.close();
        await admin.query(`ALTER DATABASE ${name}_building RENAME TO ${name}`);
      }
    } finally {
      await admin.end();
    }
    return;
  }
  const file = pgliteTemplateFile();
  if (fs.existsSync(file)) return;
  const db = await openPglite({});
  await migrate(db);
  const dump = await db.lite.dumpDataDir('gzip');
  await db.close();
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const tmp = `${file}.${process.pid}`;
  fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(tmp, file);
}

/** Test databases are named after the process that made them; those of dead processes go. */
export async function dropAbandonedTestDatabases(databaseUrl = process.env.DATABASE_URL): Promise<void> {
  if (!databaseUrl) return;
  const admin = await adminClient(databaseUrl);
  const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'lotline_t\\_%'`);
  for (const { datname } of rows) {
    const pid = Number(datname.split('_')[2]);
    let alive = false;
    try {
      process.kill(pid, 0);
      alive = true;
    } catch {
      alive = false;
    }
    if (!alive) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  }
  await admin.end();
}

let counter = 0;

export async function createTestDatabase(databaseUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  await prepareTestTemplate(databaseUrl);
  if (databaseUrl) {
    const name = `lotline_t_${process.pid}_${Date.now().toString(36)}${counter++}`;
    const admin = await adminClient(databaseUrl);
    try {
      // Two CREATE DATABASE … TEMPLATE at once can collide on the template; try again then.
      for (let attempt = 0; ; attempt++) {
        try {
          await admin.query(`CREATE DATABASE ${name} TEMPLATE ${pgTemplateName()}`);
          break;
        } catch (e) {
          if (attempt >= 20 || !/being accessed by other users/.test(String(e))) throw e;
          await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
        }
      }
    } finally {
      await admin.end();
    }
    const url = withDatabase(databaseUrl, name);
    const db = openPostgres(url, { max: 20 });
    return {
      ...db,
      url,
      async close() {
        await db.close();
        const a = await adminClient(databaseUrl);
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const file = pgliteTemplateFile();
  const db = await openPglite({ loadDataDir: new Blob([fs.readFileSync(file)]) });
  return { ...db, url: null };
}

