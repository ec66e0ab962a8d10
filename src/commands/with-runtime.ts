import { loadConfig } from '../platform/config.ts';
import { openRuntime, type Runtime } from '../runtime.ts';

/** Opens the configured database for one CLI command and always closes it. */
export async function withRuntime<T>(fn: (rt: Runtime) => Promise<T>, opts: { quiet?: boolean } = {}): Promise<T> {
  const log = { warn: (m: string) => (opts.quiet ? undefined : process.stderr.write(`${m}\n`)) };
  const rt = await openRuntime(loadConfig(), log);
  try {
    return await fn(rt);
  } finally {
    await rt.close();
  }
}
