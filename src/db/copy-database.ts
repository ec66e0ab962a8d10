import type pg from 'pg';
import type { Database, Sql } from './types.ts';

/**
 * Copies every row of one Lotline database into another that has the same migrations applied —
 * the move from the embedded database to a PostgreSQL server (`lotline restore` of an embedded
 * backup with DATABASE_URL set). One transaction on the target; triggers and foreign keys are
 * paused for it (session_replication_role = replica, which needs a superuser or the owner of
 * every table) because rows arrive table by table, not in dependency order, and the audit trail
 * and stock ledger must be copied as they are, not re-audited.
 */
const PAGE = 5_000;

export interface CopyReport {
  tables: number;
  rows: number;
}

async function tablesOf(db: Pick<Sql, 'query'>): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname <> 'schema_migrations' ORDER BY c.relname`);
  return rows.map((r) => r.name);
}

/** Columns the target accepts on INSERT (generated columns compute themselves). */
async function insertableColumns(db: Sql, table: string): Promise<string[]> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_attribute a
      WHERE a.attrelid = ('public.' || quote_ident($1))::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      ORDER BY a.attnum`, [table]);
  return rows.map((r) => r.name);
}

async function copyTable(source: Database, target: Sql, table: string): Promise<number> {
  const cols = (await insertableColumns(target, table)).map((c) => `"${c}"`).join(', ');
  let after = '(0,0)';
  let copied = 0;
  for (;;) {
    // Rows travel as JSON text: bytea, arrays, dates and numerics keep their exact values.
    const { rows } = await source.query<{ last: string | null; page: string | null; n: number }>(
      `SELECT max(_ctid)::text AS last, json_agg(x)::text AS page, count(*)::int AS n
         FROM (SELECT ctid AS _ctid, * FROM "${table}" WHERE ctid > $1::tid ORDER BY ctid LIMIT ${PAGE}) x`, [after]);
    const page = rows[0]!;
    if (!page.n) return copied;
    await target.query(`INSERT INTO "${table}" (${cols}) SELECT ${cols} FROM jsonb_populate_recordset(null::"${table}", $1::jsonb)`, [page.page]);
    copied += page.n;
    after = page.last!;
  }
}

async function copySequences(source: Database, target: Sql): Promise<void> {
  const { rows } = await source.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind = 'S'`);
  for (const { name } of rows) {
    const s = await source.query<{ last_value: number; is_called: boolean }>(`SELECT last_value, is_called FROM "${name}"`);
    await target.query('SELECT setval($1::regclass, $2, $3)', [`public."${name}"`, s.rows[0]!.last_value, s.rows[0]!.is_called]);
  }
}

export async function copyDatabase(source: Database, target: { pool: pg.Pool }): Promise<CopyReport> {
  const tables = await tablesOf(source);
  // The target's own client, not Database.transaction: the source is read while it is open.
  const client = await target.pool.connect();
  const tx: Sql = {
    async query<R>(text: string, params: readonly unknown[] = []) {
      const r = await client.query(text, params as unknown[]);
      return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
    },
    async exec(script: string) {
      await client.query(script);
    },
  };
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    // Rows the target's migrations seeded (roles, permissions, default rules …) make way for the source's.
    for (const t of await tablesOf(tx)) await tx.query(`DELETE FROM "${t}"`);
    let rows = 0;
    for (const t of tables) rows += await copyTable(source, tx, t);
    await copySequences(source, tx);
    await client.query('COMMIT');
    return { tables: tables.length, rows };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
