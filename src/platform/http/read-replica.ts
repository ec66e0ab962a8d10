import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../../db/types.ts';

/**
 * Reads that may be served by a streaming replica (lists, reports, KPIs, trace) go to it when it
 * has caught up with what this user last wrote — read-your-writes without server memory: after a
 * write, the answer carries the primary's WAL position (cookie `lotline_lsn` for the console,
 * header `x-lotline-lsn` for programs, which send it back as `x-lotline-min-lsn`); a read whose
 * position the replica has not replayed yet goes to the primary. `x-lotline-read-from` says which.
 */
export const LSN_COOKIE = 'lotline_lsn';
const LSN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i;
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    readFrom?: 'replica' | 'primary';
  }
}

export interface ReplicaSet {
  primary: Database;
  /** Absent: every read goes to the primary. */
  replica?: Database | undefined;
}

function wantedLsn(request: FastifyRequest): string | null {
  const given = request.headers['x-lotline-min-lsn'] ?? request.cookies?.[LSN_COOKIE];
  return typeof given === 'string' && LSN.test(given) ? given : null;
}

/** The database a replica-safe read of this request uses. */
export async function readerFor(set: ReplicaSet, request: FastifyRequest): Promise<Database> {
  if (!set.replica) return set.primary;
  const lsn = wantedLsn(request);
  try {
    // A server that is not in recovery is not behind anything (a replica promoted, or one server).
    const { rows } = await set.replica.query<{ ok: boolean }>(
      `SELECT NOT pg_is_in_recovery() OR ($1::pg_lsn IS NULL) OR pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok`, [lsn]);
    request.readFrom = rows[0]?.ok ? 'replica' : 'primary';
  } catch {
    request.readFrom = 'primary'; // the replica is down: the primary answers
  }
  return request.readFrom === 'replica' ? set.replica : set.primary;
}

export function installReadYourWrites(app: FastifyInstance, set: ReplicaSet, opts: { https: boolean }): void {
  if (!set.replica) return;
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.readFrom) void reply.header('x-lotline-read-from', request.readFrom);
    if (!WRITES.has(request.method) || reply.statusCode >= 400 || !request.url.startsWith('/api/')) return;
    const { rows } = await set.primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
    const lsn = rows[0]!.lsn;
    void reply.header('x-lotline-lsn', lsn);
    if (request.cookies?.lotline_session) {
      void reply.setCookie(LSN_COOKIE, lsn, { httpOnly: true, sameSite: 'lax', secure: opts.https, path: '/', maxAge: 300 });
    }
  });
}

export interface ReplicationStatus {
  replica: boolean;
  primaryLsn: string | null;
  replayLsn: string | null;
  lagBytes: number | null;
  lagSeconds: number | null;
}

/** How far the replica is behind, for the console and for monitoring. */
export async function replicationStatus(set: ReplicaSet): Promise<ReplicationStatus> {
  if (!set.replica || set.primary.kind !== 'postgres') return { replica: false, primaryLsn: null, replayLsn: null, lagBytes: null, lagSeconds: null };
  const p = await set.primary.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn');
  const r = await set.replica.query<{ lsn: string | null; seconds: number | null; recovering: boolean }>(
    `SELECT pg_last_wal_replay_lsn()::text AS lsn, pg_is_in_recovery() AS recovering,
            extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS seconds`);
  const replay = r.rows[0]!;
  const lag = replay.lsn
    ? await set.replica.query<{ bytes: number }>('SELECT pg_wal_lsn_diff($1::pg_lsn, $2::pg_lsn)::float8 AS bytes', [p.rows[0]!.lsn, replay.lsn])
    : null;
  return {
    replica: replay.recovering, primaryLsn: p.rows[0]!.lsn, replayLsn: replay.lsn,
    lagBytes: lag ? Math.max(0, lag.rows[0]!.bytes) : 0, lagSeconds: replay.recovering ? replay.seconds : 0,
  };
}
