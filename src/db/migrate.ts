import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { Database } from './types.ts';

export interface Migration {
  version: string;
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Migrations live beside the module that owns the tables (`src/modules/<m>/migrations/NNNN_x.sql`,
 * `src/db/migrations/`); the four-digit prefix orders them across modules and must be unique.
 */
export function loadMigrations(root = SRC): Migration[] {
  const found: Migration[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (path.basename(dir) === 'migrations' && /^\d{4}_[a-z0-9_]+\.sql$/.test(entry.name)) {
        const sql = fs.readFileSync(full, 'utf8');
        found.push({
          version: entry.name.slice(0, 4),
          name: entry.name.slice(5, -4),
          file: path.relative(root, full),
          sql,
          checksum: createHash('sha256').update(sql).digest('hex'),
        });
      }
    }
  };
  walk(root);
  found.sort((a, b) => a.version.localeCompare(b.version));
  for (let i = 1; i < found.length; i++) {
    if (found[i]!.version === found[i - 1]!.version) {
      throw new Error(`two migrations share version ${found[i]!.version}: ${found[i - 1]!.file}, ${found[i]!.file}`);
    }
  }
  return found;
}

/** A fingerprint of the whole migration set: test templates are rebuilt when it changes. */
export const migrationsFingerprint = (migrations = loadMigrations()): string =>
  createHash('sha256')
    .update(migrations.map((m) => `${m.version}:${m.checksum}`).join('\n'))
    .digest('hex')
    .slice(0, 16);

const MIGRATION_LOCK = 7_240_001; // advisory lock key: one migrator at a time across processes

/**
 * Applies pending migrations, each in its own transaction holding a transaction-level advisory
 * lock (session locks would not survive a connection pool), and refuses if a landed one was edited.
 */
export async function migrate(
  db: Database,
  onApplied: (m: Migration) => void = () => {},
): Promise<{ applied: string[] }> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
  });
  const applied: string[] = [];
  for (const m of loadMigrations()) {
    const ran = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const { rows } = await tx.query<{ checksum: string }>('SELECT checksum FROM schema_migrations WHERE version = $1', [
        m.version,
      ]);
      if (rows[0]) {
        if (rows[0].checksum !== m.checksum) throw new Error(`migration ${m.file} was edited after it was applied`);
        return false;
      }
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ]);
      return true;
    }, { retries: 0 });
    if (ran) {
      applied.push(`${m.version}_${m.name}`);
      onApplied(m);
    }
  }
  return { applied };
}
