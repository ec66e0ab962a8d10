import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DomainError } from '../platform/errors.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { openPglite } from './pglite-database.ts';
import { openPostgres } from './postgres-database.ts';
import type { DatabaseConfig } from './open-database.ts';
import { copyDatabase } from './copy-database.ts';
import { migrate } from './migrate.ts';

const run = promisify(execFile);

/**
 * Backups of either database. PostgreSQL: pg_dump's custom format (pg_restore reads it; taken in
 * one snapshot while the server keeps serving). Embedded: PGlite's own consistent copy of its
 * data directory (a gzipped tar), taken with the directory locked, so the server must be stopped.
 * An embedded copy restores into PostgreSQL too: that is how a site moves off the embedded database.
 * Encryption keys are never in a backup: they are kept apart (LOTLINE_KEY_FILE / the data dir).
 */
export type BackupFormat = 'pg_dump' | 'pglite';

export interface BackupResult {
  file: string;
  format: BackupFormat;
  bytes: number;
}

const pgliteDir = (dataDir: string) => path.join(path.resolve(dataDir), 'pg');

function formatOf(file: string): BackupFormat {
  const head = Buffer.alloc(5);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 5, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1') === 'PGDMP') return 'pg_dump';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  throw new DomainError('VALIDATION_FAILED', `${file} is not a Lotline backup (neither a pg_dump archive nor an embedded copy)`, { field: 'file' });
}

async function tool(cmd: string, args: string[]): Promise<void> {
  try {
    await run(cmd, args, { maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const err = e as NodeJS.ErrnoException & { stderr?: string };
    const why = err.code === 'ENOENT' ? `${cmd} is not installed (Debian package postgresql-client)` : (err.stderr ?? err.message).trim();
    throw new DomainError('INTERNAL', `${cmd} failed: ${why}`);
  }
}

export async function backupDatabase(config: DatabaseConfig, file: string, opts: { force?: boolean } = {}): Promise<BackupResult> {
  const target = path.resolve(file);
  if (fs.existsSync(target) && !opts.force) {
    throw new DomainError('DUPLICATE', `${file} exists; give another file or --force to overwrite it`, { field: 'file' });
  }
  const tmp = `${target}.partial`;
  let format: BackupFormat;
  if (config.databaseUrl) {
    format = 'pg_dump';
    await tool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${tmp}`, `--dbname=${config.databaseUrl}`]);
  } else {
    format = 'pglite';
    const dir = pgliteDir(config.dataDir);
    if (!fs.existsSync(dir)) throw new DomainError('NOT_FOUND', `there is no embedded database in ${config.dataDir}`, { field: 'LOTLINE_DATA_DIR' });
    const unlock = lockDataDir(path.resolve(config.dataDir));
    try {
      const db = await openPglite({ dataDir: dir });
      try {
        const dump = await db.lite.dumpDataDir('gzip');
        fs.writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
      } finally {
        await db.close();
      }
    } finally {
      unlock();
    }
  }
  // Written aside and renamed: a backup that failed half-way never looks like a good one.
  fs.renameSync(tmp, target);
  return { file: target, format, bytes: fs.statSync(target).size };
}

/** Restores into an empty database only: a restore never merges into, or overwrites, live data. */
export async function restoreDatabase(config: DatabaseConfig, file: string): Promise<{ file: string; format: BackupFormat }> {
  if (!fs.existsSync(file)) throw new DomainError('VALIDATION_FAILED', `${file} does not exist`, { field: 'file' });
  const format = formatOf(file);
  if (config.databaseUrl) {
    const db = openPostgres(config.databaseUrl, { max: 1 });
    try {
      const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public'`);
      if (rows[0]!.n > 0) throw notEmpty('the database of DATABASE_URL has tables');
      // An embedded copy moves to the server: both migrated to this version, then every row copied.
      if (format === 'pglite') {
        const embedded = await openPglite({ loadDataDir: new Blob([fs.readFileSync(file)]) });
        try {
          await migrate(embedded);
          await migrate(db);
          await copyDatabase(embedded, db);
        } finally {
          await embedded.close();
        }
      }
    } finally {
      await db.close();
    }
    if (format === 'pg_dump') {
      await tool('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${config.databaseUrl}`, path.resolve(file)]);
    }
  } else {
    if (format !== 'pglite') throw wrongEngine(file, 'a pg_dump archive', 'the embedded database');
    const dir = pgliteDir(config.dataDir);
    if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) throw notEmpty(`${config.dataDir} already holds an embedded database`);
    const unlock = lockDataDir(path.resolve(config.dataDir));
    try {
      const db = await openPglite({ dataDir: dir, loadDataDir: new Blob([fs.readFileSync(file)]) });
      await db.close();
    } finally {
      unlock();
    }
  }
  return { file: path.resolve(file), format };
}

const notEmpty = (what: string) => new DomainError('INVALID_STATE', `${what}; restore only into an empty database`);
const wrongEngine = (file: string, is: string, into: string) =>
  new DomainError('VALIDATION_FAILED', `${file} is ${is}; it cannot be restored into ${into}`, { field: 'file' });
