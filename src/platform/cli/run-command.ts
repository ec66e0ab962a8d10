import { isDomainError, DomainError } from '../errors.ts';

export interface Output {
  write(chunk: string): unknown;
}

/** DESIGN.md §6: exit 2 for invalid input, 1 for a failed operation. */
export function exitCodeFor(e: DomainError): 1 | 2 {
  return [400, 413, 415, 422].includes(e.status) ? 2 : 1;
}

/**
 * Runs a CLI action: prints its result (JSON with --json, else the human text), or its error as
 * `{"error":{…}}` / a readable line, and sets the exit code. Never calls process.exit, so output
 * is flushed.
 */
export async function runCommand<T>(
  opts: { json?: boolean },
  action: () => Promise<T>,
  human: (result: T) => string,
  out: Output = process.stdout,
  err: Output = process.stderr,
): Promise<void> {
  try {
    const result = await action();
    out.write(opts.json ? `${JSON.stringify(result)}\n` : `${human(result)}\n`);
  } catch (e) {
    const de = isDomainError(e) ? e : new DomainError('INTERNAL', e instanceof Error ? e.message : String(e));
    if (opts.json) out.write(`${JSON.stringify(de.toBody())}\n`);
    else err.write(`error ${de.code}: ${de.message}\n`);
    process.exitCode = exitCodeFor(de);
  }
}

/** Progress on stderr: a line rewritten in place on a terminal, one every few seconds in a log. */
export function progressPrinter(label: string, err: NodeJS.WriteStream = process.stderr): (done: number, total?: number) => void {
  const every = err.isTTY ? 200 : 3000;
  let last = 0;
  return (done, total) => {
    const now = Date.now();
    const finished = total !== undefined && done >= total;
    if (now - last < every && !finished) return;
    last = now;
    const text = `${label}: ${done}${total ? `/${total} (${Math.floor((done / total) * 100)}%)` : ''}`;
    err.write(err.isTTY ? `\r${text}\x1b[K${finished ? '\n' : ''}` : `${text}\n`);
  };
}

export async function readStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
