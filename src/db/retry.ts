/** SQLSTATEs after which the whole transaction may simply be run again. */
const RETRYABLE = new Set(['40001', '40P01']);

/**
 * A statement prepared before a migration changed the shape of its rows (`SELECT *`, `RETURNING *`)
 * is refused by the server; run again under fresh statement names it succeeds (postgres-database.ts).
 */
export const isStalePlan = (e: unknown): boolean =>
  typeof e === 'object' &&
  e !== null &&
  (e as { code?: string }).code === '0A000' &&
  /cached plan must not change result type/.test(String((e as { message?: string }).message));

/** SQLSTATEs of a connection the server dropped (shutdown, admin command, failover) or that broke. */
const CONNECTION_LOST = /^(57P0[123]|08\d\d\d)$/;

/** The connection itself is gone (node-postgres says so by message when the socket closed under it). */
export const isConnectionLost = (e: unknown): boolean => {
  if (typeof e !== 'object' || e === null) return false;
  const { code, message } = e as { code?: string; message?: string };
  return (code !== undefined && CONNECTION_LOST.test(code)) || /^Connection terminated|connection error and is not queryable/.test(message ?? '');
};

export const isRetryable = (e: unknown): boolean =>
  (typeof e === 'object' && e !== null && RETRYABLE.has((e as { code?: string }).code ?? '')) ||
  isStalePlan(e);

/** Re-runs `attempt` on serialization failures, deadlocks and stale prepared plans, with jittered exponential backoff. */
export async function withRetries<T>(retries: number, attempt: () => Promise<T>): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (e) {
      if (!isRetryable(e) || n >= retries) throw e;
      const backoffMs = Math.min(200, 2 ** n * 5) * (0.5 + Math.random());
      await new Promise((r) => setTimeout(r, backoffMs));
    }
  }
}

export function beginStatement(opts: { readOnly?: boolean; isolation?: string }): string {
  const parts = ['BEGIN'];
  if (opts.isolation) parts.push(`ISOLATION LEVEL ${opts.isolation.toUpperCase()}`);
  if (opts.readOnly) parts.push('READ ONLY');
  return parts.join(' ');
}
