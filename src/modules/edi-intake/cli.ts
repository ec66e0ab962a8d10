import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { withRuntime } from '../../commands/with-runtime.ts';
import { systemActor } from '../../platform/actor.ts';
import { runCommand, type Output } from '../../platform/cli/run-command.ts';
import { loadConfig } from '../../platform/config.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { openRuntime } from '../../runtime.ts';
import { decodeEdiBytes } from './decode-edi-bytes.ts';
import { describeDropOutcome, pollDropFolder, startDropFolderWatcher, type DropFileOutcome, type DropFolderState } from './drop-folder.ts';
import { describeProblems, type InterchangeResult } from './intake-result.ts';
import { readInterchangeKey } from './read-interchange-key.ts';
import { receiveInterchange } from './receive-interchange.ts';

export interface EdiIntakeCliIo {
  stdout: Output;
  stderr?: Output;
}

/** The partner must resend or we must fix something: exit 1, as `edi parse` does for a rejecting ack. */
const needsAttention = (r: InterchangeResult): boolean =>
  r.outcome === 'rejected' || r.outcome === 'partially_rejected' || r.orders.some((o) => o.error);

/**
 * `lotline edi import <file>` and `lotline edi watch <dir>`, under the `edi` group of the parser's
 * commands (registered after it; the group is made here when it is not there).
 */
export function registerEdiIntakeCommands(program: Command, io: EdiIntakeCliIo = { stdout: process.stdout }): void {
  const edi = program.commands.find((c) => c.name() === 'edi') ?? program.command('edi').description('EDI purchase orders');
  const stderr = io.stderr ?? process.stderr;

  edi
    .command('import <file>')
    .description('receive an interchange: store it, place its orders, print the ack to send back (a resent one creates nothing)')
    .option('--json', 'machine-readable output')
    .action(async (file: string, o: { json?: boolean }) => {
      let attention = false;
      await runCommand(o, async () => {
        const text = decodeEdiBytes(await readFile(file).catch((e: Error) => { throw invalid('file', `cannot read ${file}: ${e.message}`); }));
        readInterchangeKey(text); // a file that is no EDI is refused before the database is opened
        return withRuntime(async (rt) => {
          const r = await receiveInterchange(rt.db, systemActor('edi-cli'), { text, via: 'cli', fileName: path.basename(file) });
          if (r.error) throw new DomainError(r.error.code, r.error.message, { field: r.error.field, details: { interchangeId: r.interchangeId } });
          attention = needsAttention(r);
          return r;
        }, { quiet: o.json });
      }, describeResult, io.stdout, stderr);
      if (attention) process.exitCode = 1;
    });

  edi
    .command('watch <dir>')
    .description('process EDI files dropped into <dir>/inbox/, moving each to done/ or failed/ with its .ack and .reason.txt')
    .option('--once', 'process what is in the inbox now (two looks, --interval apart), then exit')
    .option('--interval <ms>', 'milliseconds between looks; a file is taken once two looks see it unchanged', '2000')
    .option('--json', 'machine-readable output (with --once)')
    .action(async (dir: string, o: { once?: boolean; interval: string; json?: boolean }) => {
      const intervalMs = Number(o.interval);
      if (o.once) {
        let attention = false;
        await runCommand(o, async () => {
          if (!Number.isInteger(intervalMs) || intervalMs < 0) throw invalid('interval', 'give whole milliseconds');
          return withRuntime(async (rt) => {
            const seen: DropFolderState = new Map();
            await pollDropFolder(rt.db, dir, seen);
            await new Promise((r) => setTimeout(r, intervalMs));
            const files = await pollDropFolder(rt.db, dir, seen);
            attention = files.some((f) => f.movedTo !== 'done' || (f.result && needsAttention(f.result)));
            return { files };
          }, { quiet: o.json });
        }, (r: { files: DropFileOutcome[] }) => r.files.map(describeDropOutcome).join('\n') || 'nothing to do', io.stdout, stderr);
        if (attention) process.exitCode = 1;
        return;
      }
      const rt = await openRuntime(loadConfig(), { warn: (m) => stderr.write(`${m}\n`) });
      const watcher = startDropFolderWatcher(rt.db, dir, {
        intervalMs,
        onOutcome: (x) => io.stdout.write(`${describeDropOutcome(x)}\n`),
        onError: (e) => stderr.write(`edi watch: ${e instanceof Error ? e.message : String(e)}\n`),
      });
      stderr.write(`watching ${path.join(dir, 'inbox')} for EDI files\n`);
      const stop = () => void watcher.stop().then(() => rt.close());
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

function describeResult(r: InterchangeResult): string {
  const head = `${r.standard} interchange ${r.interchangeId}: ${r.outcome.replaceAll('_', ' ')}${r.duplicate ? ' (duplicate: received before, nothing created)' : ''}`;
  const orders = r.orders.map((o) => (o.number ? `  PO ${o.poNumber} → ${o.number} (${o.status})` : `  PO ${o.poNumber} refused: ${o.error?.code} ${o.error?.message}`));
  const problems = describeProblems(r).filter((p) => !p.startsWith('PO '));
  return [head, ...orders, ...(problems.length ? ['', 'Issues:', ...problems.map((p) => `  ${p}`)] : []), '', 'Acknowledgement to send back:', r.ack?.trimEnd() ?? '(none)'].join('\n');
}
