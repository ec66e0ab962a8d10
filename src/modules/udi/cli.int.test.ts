import { Readable, Writable } from 'node:stream';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerUdiCommands } from './cli.ts';

const GTIN_SCAN = '(01)09506000134352(17)261231(10)ABC';
const HIBCC_SCAN = '+A99912345/$$52001510X3/16D20111212/S77DE1G45-';

/** A writable that keeps what it is given; `slow` acknowledges each write a tick later. */
function captured(options: { slow?: boolean } = {}) {
  const chunks: string[] = [];
  const stream = new Writable({
    highWaterMark: options.slow ? 1024 : 16 * 1024,
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      if (options.slow) setImmediate(done);
      else done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

async function lotline(
  args: string[],
  stdin: Readable = Readable.from([]),
  options: { slowStdout?: boolean } = {},
) {
  const stdout = captured({ slow: options.slowStdout });
  const stderr = captured();
  const program = new Command().exitOverride();
  registerUdiCommands(program, { stdin, stdout: stdout.stream, stderr: stderr.stream });
  await program.parseAsync(['node', 'lotline', 'udi', 'parse', ...args]);
  return { stdout: stdout.text(), stderr: stderr.text(), exitCode: process.exitCode };
}

const lines = (text: string): unknown[] =>
  text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));

let exitCodeBefore: typeof process.exitCode;
beforeEach(() => {
  exitCodeBefore = process.exitCode;
  process.exitCode = undefined;
});
afterEach(() => {
  process.exitCode = exitCodeBefore;
});

describe('lotline udi parse <scan>', () => {
  it('prints the scan as JSON with --json and exits 0', async () => {
    const result = await lotline([GTIN_SCAN, '--json']);
    expect(JSON.parse(result.stdout)).toEqual({
      scheme: 'GS1',
      gtin: '09506000134352',
      lot: 'ABC',
      expiry: '2026-12-31',
      ais: { '01': '09506000134352', '17': '261231', '10': 'ABC' },
    });
    expect(result.stdout.endsWith('}\n')).toBe(true);
    expect(result.exitCode ?? 0).toBe(0);
  });

  it('takes the separator typed as <GS> or as the ASCII 29 character', async () => {
    const typed = await lotline(['01095060001343521726123110ABC<GS>21S1', '--json']);
    const real = await lotline(['01095060001343521726123110ABC\x1d21S1', '--json']);
    expect(JSON.parse(typed.stdout)).toMatchObject({ lot: 'ABC', serial: 'S1' });
    expect(typed.stdout).toBe(real.stdout);
  });

  it('prints a summary for people without --json', async () => {
    const { stdout } = await lotline([GTIN_SCAN]);
    expect(stdout.split('\n')[0]).toBe('GS1');
    expect(stdout).toMatch(/GTIN\s+09506000134352/);
    expect(stdout).toMatch(/Expiry\s+2026-12-31/);
    expect(stdout).toMatch(/\(17\) USE BY or EXPIRY\s+261231/);
    const hibcc = await lotline([HIBCC_SCAN]);
    expect(hibcc.stdout).toMatch(/^HIBCC\n/);
    expect(hibcc.stdout).toMatch(/Production date\s+2011-12-12/);
  });

  it('prints the error object on stdout with --json and exits 2 for an invalid scan', async () => {
    const result = await lotline(['(01)09506000134353', '--json']);
    expect(JSON.parse(result.stdout)).toEqual({
      error: { code: 'SCAN_BAD_CHECK_DIGIT', message: expect.any(String), field: 'ai.01' },
    });
    expect(result.exitCode).toBe(2);
  });

  it('prints the error on stderr without --json and exits 2', async () => {
    const result = await lotline(['(10)ABC']);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^SCAN_PAIRING: AI \(10\)/);
    expect(result.exitCode).toBe(2);
  });
});

describe('lotline udi parse (scans on standard input)', () => {
  it('prints one JSON line per input line, in order, errors in place, and exits 2 when any was invalid', async () => {
    const stdin = Readable.from([`${GTIN_SCAN}\n(01)09506000134353\n`, `${HIBCC_SCAN}\n`]);
    const result = await lotline([], stdin);
    expect(lines(result.stdout)).toEqual([
      expect.objectContaining({ scheme: 'GS1', lot: 'ABC' }),
      { error: expect.objectContaining({ code: 'SCAN_BAD_CHECK_DIGIT', field: 'ai.01' }) },
      expect.objectContaining({ scheme: 'HIBCC', lot: '10X3' }),
    ]);
    expect(result.exitCode).toBe(2);
  });

  it('exits 0 when every line was valid, with CRLF line ends and no final line end', async () => {
    const result = await lotline([], Readable.from([`${GTIN_SCAN}\r\n${HIBCC_SCAN}\r\n${GTIN_SCAN}`]));
    expect(lines(result.stdout)).toHaveLength(3);
    expect(result.exitCode ?? 0).toBe(0);
  });

  it('answers a blank line with SCAN_EMPTY, so output lines stay aligned with input lines', async () => {
    const result = await lotline([], Readable.from([`${GTIN_SCAN}\n\n${GTIN_SCAN}\n`]));
    expect(lines(result.stdout)[1]).toEqual({ error: expect.objectContaining({ code: 'SCAN_EMPTY' }) });
    expect(result.exitCode).toBe(2);
  });

  it('parses thousands of scans in one run, in order, through a slow consumer', async () => {
    const count = 5000;
    const input = Array.from({ length: count }, (_, i) => `01095060001343521726123110LOT1<GS>21S${i}\n`);
    // Chunks that cut lines in two, as a pipe delivers them.
    const text = input.join('');
    const chunks = Array.from({ length: Math.ceil(text.length / 4096) }, (_, i) =>
      text.slice(i * 4096, (i + 1) * 4096),
    );
    const started = performance.now();
    const result = await lotline([], Readable.from(chunks), { slowStdout: true });
    const parsed = lines(result.stdout) as { serial: string }[];
    expect(parsed).toHaveLength(count);
    expect(parsed.map((scan) => scan.serial)).toEqual(input.map((_, i) => `S${i}`));
    expect(result.exitCode ?? 0).toBe(0);
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
