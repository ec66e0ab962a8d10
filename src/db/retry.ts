/** SQLSTATEs after which the whole transaction may simply be run again. */
const RETRYABLE = new Set(['40001', '40P01']);

export const isRetryable = (e: unknown): boolean =>
  typeof e === 'object' && e !== null && RETRYABLE.has((e as { code?: string }).code ?? '');

/** Re-runs `attempt` on serialization failures and deadlocks, with jittered exponential backoff. */
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
