import { mkdir, readdir, readFile, rename, stat, writeFile, access } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import { isDomainError } from '../../platform/errors.ts';
import { decodeEdiBytes } from './decode-edi-bytes.ts';
import { describeProblems, type IntakeError, type InterchangeResult } from './intake-result.ts';
import { receiveInterchange } from './receive-interchange.ts';

const actor = systemActor('edi-drop-folder');

export interface DropFileOutcome {
  file: string;
  /** Where the file went; null when it stays in the inbox to be tried again (the database was unreachable …). */
  movedTo: 'done' | 'failed' | null;
  result?: InterchangeResult;
  error?: IntakeError;
}

/** What one poll saw of each inbox file: a file is taken only once a later poll sees it unchanged. */
export type DropFolderState = Map<string, string>;

/**
 * One look at `<dir>/inbox/`. Half-written files are left alone: a file is processed only when
 * its size and modification time are the same as at the previous poll (so a sender copying in
 * place, or over a slow SFTP link, is waited for); names starting with a dot are skipped, which
 * also suits senders that write `.name` and rename it when done. Each file processed moves to
 * `done/` or `failed/`, with `<name>.ack` (the ack to send back) and `<name>.reason.txt` (what
 * was refused) beside it.
 */
export async function pollDropFolder(db: Database, dir: string, seen: DropFolderState): Promise<DropFileOutcome[]> {
  const inbox = path.join(dir, 'inbox');
  await Promise.all(['inbox', 'done', 'failed'].map((d) => mkdir(path.join(dir, d), { recursive: true })));
  const names = (await readdir(inbox, { withFileTypes: true })).filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name).sort();
  for (const name of seen.keys()) if (!names.includes(name)) seen.delete(name);
  const outcomes: DropFileOutcome[] = [];
  for (const name of names) {
    const s = await stat(path.join(inbox, name)).catch(() => null);
    if (!s) continue; // taken by another process since the listing
    const signature = `${s.size}:${s.mtimeMs}`;
    if (seen.get(name) !== signature) {
      seen.set(name, signature);
      continue;
    }
    const outcome = await takeFile(db, dir, name);
    if (outcome.movedTo) seen.delete(name);
    outcomes.push(outcome);
  }
  return outcomes;
}

async function takeFile(db: Database, dir: string, name: string): Promise<DropFileOutcome> {
  const source = path.join(dir, 'inbox', name);
  let result: InterchangeResult;
  try {
    result = await receiveInterchange(db, actor, { text: decodeEdiBytes(await readFile(source)), via: 'folder', fileName: name });
  } catch (e) {
    if (!isDomainError(e)) return { file: name, movedTo: null, error: { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) } };
    const error = { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) };
    await settle(dir, name, 'failed', { reason: [`${e.code}: ${e.message}`] });
    return { file: name, movedTo: 'failed', error };
  }
  const failed = !!result.error || result.outcome === 'rejected' || (result.orders.length > 0 && result.orders.every((o) => o.error));
  const reason = [
    ...(result.duplicate ? [`duplicate of interchange ${result.interchangeId}, received before: nothing was created again`] : []),
    ...describeProblems(result),
  ];
  await settle(dir, name, failed ? 'failed' : 'done', { reason, ack: result.ack });
  return { file: name, movedTo: failed ? 'failed' : 'done', result };
}

/** Moves the file out of the inbox (never over an earlier file of the same name) with its ack and reason beside it. */
async function settle(dir: string, name: string, to: 'done' | 'failed', o: { reason: string[]; ack?: string | null }): Promise<void> {
  const target = await freeName(path.join(dir, to), name);
  if (o.ack) await writeFile(`${target}.ack`, o.ack);
  if (o.reason.length) await writeFile(`${target}.reason.txt`, `${o.reason.join('\n')}\n`);
  try {
    await rename(path.join(dir, 'inbox', name), target);
  } catch (e) {
    // Another watcher moved it first; the interchange itself was stored once either way.
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

async function freeName(folder: string, name: string): Promise<string> {
  const taken = (p: string) => access(p).then(() => true, () => false);
  let candidate = path.join(folder, name);
  for (let n = 1; await taken(candidate); n++) candidate = path.join(folder, `${name}.${n}`);
  return candidate;
}

/** One line per file, for logs and the CLI. */
export function describeDropOutcome(x: DropFileOutcome): string {
  if (!x.movedTo) return `${x.file}: left in the inbox, to be tried again (${x.error?.message})`;
  const orders = x.result?.orders.flatMap((o) => (o.number ? [o.number] : [])) ?? [];
  const what = x.error ? x.error.code : `${x.result?.outcome}${x.result?.duplicate ? ', duplicate' : ''}${orders.length ? `: ${orders.join(', ')}` : ''}`;
  return `${x.file} → ${x.movedTo}/ (${what})`;
}

export interface DropFolderWatcher {
  stop(): Promise<void>;
}

/** Polls the drop folder every `intervalMs` until stopped (started by `lotline serve` and `lotline edi watch`). */
export function startDropFolderWatcher(
  db: Database, dir: string,
  o: { intervalMs?: number; onOutcome?: (outcome: DropFileOutcome) => void; onError?: (e: unknown) => void } = {},
): DropFolderWatcher {
  const seen: DropFolderState = new Map();
  let stopping = false;
  let pause: { timer: NodeJS.Timeout; resolve: () => void } | null = null;
  const loop = (async () => {
    while (!stopping) {
      try {
        for (const outcome of await pollDropFolder(db, dir, seen)) o.onOutcome?.(outcome);
      } catch (e) {
        o.onError?.(e);
      }
      if (stopping) break;
      await new Promise<void>((resolve) => (pause = { timer: setTimeout(resolve, o.intervalMs ?? 2000), resolve }));
      pause = null;
    }
  })();
  return {
    async stop() {
      stopping = true;
      const p = pause as { timer: NodeJS.Timeout; resolve: () => void } | null;
      if (p) {
        clearTimeout(p.timer);
        p.resolve();
      }
      await loop;
    },
  };
}
