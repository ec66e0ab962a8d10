import { afterEach, describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { registerEdiCommands } from './cli.ts';
import { fixturePath } from './test-support.ts';

/** Runs `lotline edi parse …` in-process; returns what it printed and the exit code it set. */
async function run(...args: string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  let stdout = '';
  let stderr = '';
  const program = new Command().exitOverride();
  registerEdiCommands(program, {
    stdout: { write: (c: string) => (stdout += c) },
    stderr: { write: (c: string) => (stderr += c) },
  });
  await program.parseAsync(['node', 'lotline', 'edi', 'parse', ...args]);
  return { stdout, stderr, exitCode: Number(process.exitCode ?? 0) };
}

describe('lotline edi parse', () => {
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('prints the §6 JSON and exits 0 when everything is accepted', async () => {
    const { stdout, exitCode } = await run(fixturePath('x12-4010-850-gtin-lines.edi'), '--json');
    expect(exitCode).toBe(0);
    const result = JSON.parse(stdout) as {
      standard: string;
      orders: Array<{ poNumber: string; lines: unknown[] }>;
      ack: string;
    };
    expect(result.standard).toBe('X12');
    expect(result.orders.map((o) => [o.poNumber, o.lines.length])).toEqual([['MG-4500012345', 3]]);
    expect(result.ack).toContain('AK5*A~');
  });

  it('uses the ack control number given', async () => {
    const { stdout } = await run(
      fixturePath('edifact-d96a-orders-una.edi'),
      '--json',
      '--ack-control-number',
      '77',
    );
    expect((JSON.parse(stdout) as { ack: string }).ack).toContain("UNZ+1+77'");
  });

  it('exits 1 when the ack rejects the interchange, a set, or a part of the group', async () => {
    for (const name of [
      'x12-4010-broken-isa13-iea02.edi',
      'x12-4010-broken-se01-count.edi',
      'x12-4010-850-two-sets-one-bad.edi',
      'edifact-broken-unt-count.edi',
    ]) {
      const { stdout, exitCode } = await run(fixturePath(name), '--json');
      expect(exitCode, name).toBe(1);
      expect((JSON.parse(stdout) as { outcome: string }).outcome, name).toMatch(/rejected$/);
      process.exitCode = undefined;
    }
  });

  it('exits 2 with the error object when the file is not EDI, or not there', async () => {
    const notEdi = await run(fixturePath('not-edi.csv'), '--json');
    expect(notEdi.exitCode).toBe(2);
    expect(JSON.parse(notEdi.stdout)).toMatchObject({
      error: { code: 'EDI_UNKNOWN_STANDARD', field: 'ISA/UNB' },
    });
    process.exitCode = undefined;
    const missing = await run(fixturePath('no-such-file.edi'), '--json');
    expect(missing.exitCode).toBe(2);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'file' } });
  });

  it('prints a readable summary without --json, the issues and the ack included', async () => {
    const accepted = await run(fixturePath('x12-4010-850-buyer-items.edi'));
    expect(accepted.stdout).toContain('X12 interchange accepted: 1 order(s)');
    expect(accepted.stdout).toContain('PO NW-PO-88231 (original) from 01:123456789');
    expect(accepted.stdout).toContain('0020: 50 BX at 41.00  buyer item NW-55131, our item LL-SUT-30');
    expect(accepted.stdout).toContain('TA1*000004711*240116*1405*A*000~');

    const rejected = await run(fixturePath('x12-4010-broken-po1-quantity.edi'));
    expect(rejected.stdout).toContain('element 0001, code 6: PO1 at 8: PO102 "TEN" is not a decimal number');
    expect(rejected.exitCode).toBe(1);
  });

  it('writes an unreadable file’s error to stderr without --json', async () => {
    const { stdout, stderr, exitCode } = await run(fixturePath('not-edi.csv'));
    expect([stdout, exitCode]).toEqual(['', 2]);
    expect(stderr).toMatch(/^error EDI_UNKNOWN_STANDARD: /);
  });
});
