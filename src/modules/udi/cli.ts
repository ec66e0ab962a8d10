import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { isDomainError } from '../../platform/errors.ts';
import { describeScan } from './describe-scan.ts';
import { parseScan } from './parse-scan.ts';

/** Where the udi commands read and write: the process's standard streams unless a test passes its own. */
export interface UdiCliIo {
  stdin: Readable;
  stdout: Writable;
  stderr?: Writable;
}

/** Exit code for a scan that is not valid input (DESIGN.md §6). */
const EXIT_INVALID_INPUT = 2;

/**
 * `lotline udi parse [scan] [--json]`. With a scan: its fields as JSON or as a summary, exit 2 when
 * invalid. Without: one scan per line of standard input, one JSON line per scan in order (an error
 * object for an invalid one), exit 2 when any was invalid. Exit codes go to process.exitCode so
 * buffered output is flushed before the process ends.
 */
export function registerUdiCommands(program: Command, io?: UdiCliIo): void {
  const udi = program.command('udi').description('read UDI barcodes (GS1 and HIBCC)');
  udi
    .command('parse')
    .description('parse a scan; without <scan>, parse one scan per line of standard input into JSON lines')
    .argument('[scan]', 'the scanned text; type the GS separator as <GS>')
    .option('--json', 'print JSON')
    .action(async (scan: string | undefined, options: { json?: boolean }) => {
      // Resolved only when the command runs, so registering it leaves process.stdin untouched.
      const streams = io ?? { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
      if (scan === undefined) await parseLines(streams);
      else parseOne(scan, options.json === true, streams);
    });
}

function parseOne(scan: string, json: boolean, io: UdiCliIo): void {
  try {
    const result = parseScan(scan);
    io.stdout.write(json ? `${JSON.stringify(result)}\n` : describeScan(result));
  } catch (error) {
    if (!isDomainError(error)) throw error;
    process.exitCode = EXIT_INVALID_INPUT;
    if (json) io.stdout.write(`${JSON.stringify(error.toBody())}\n`);
    else (io.stderr ?? process.stderr).write(`${error.code}: ${error.message}\n`);
  }
}

/** Output is gathered into chunks of about this size: one write per line would dominate the run time. */
const CHUNK_CHARS = 64 * 1024;

async function parseLines(io: UdiCliIo): Promise<void> {
  const now = new Date(); // one clock for the batch, so every line reads two-digit years alike
  let chunk = '';
  let anyInvalid = false;
  const flush = async (): Promise<void> => {
    const text = chunk;
    chunk = '';
    if (text !== '' && !io.stdout.write(text)) await once(io.stdout, 'drain');
  };
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Infinity })) {
    try {
      chunk += `${JSON.stringify(parseScan(line, { now }))}\n`;
    } catch (error) {
      if (!isDomainError(error)) throw error;
      anyInvalid = true;
      chunk += `${JSON.stringify(error.toBody())}\n`;
    }
    if (chunk.length >= CHUNK_CHARS) await flush();
  }
  await flush();
  if (anyInvalid) process.exitCode = EXIT_INVALID_INPUT;
}
