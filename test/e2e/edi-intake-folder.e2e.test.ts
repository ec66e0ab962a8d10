import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/test-app.ts';
import { pollDropFolder, startDropFolderWatcher, type DropFolderState } from '../../src/modules/edi-intake/drop-folder.ts';
import { ediWorld, readIntakeFixture, withX12ControlNumber } from '../../src/modules/edi-intake/test-support.ts';

let t: TestApp;
let dir: string;
let seen: DropFolderState;

beforeAll(async () => {
  t = await startTestApp();
  await ediWorld(t.db, t.crypto);
});
afterAll(() => t.close());
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lotline-edi-drop-'));
  fs.mkdirSync(path.join(dir, 'inbox'));
  seen = new Map();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const drop = (name: string, text: string) => fs.writeFileSync(path.join(dir, 'inbox', name), text);
const ls = (sub: string) => fs.readdirSync(path.join(dir, sub)).sort();
const read = (...p: string[]) => fs.readFileSync(path.join(dir, ...p), 'utf8');
const pollTwice = async () => {
  await pollDropFolder(t.db, dir, seen);
  return pollDropFolder(t.db, dir, seen);
};

describe('the EDI drop folder', () => {
  it('takes a file once two looks see it unchanged, moves it to done/ and writes the ack beside it', async () => {
    drop('po-4010.edi', readIntakeFixture('intake-x12-4010-850.edi'));
    expect(await pollDropFolder(t.db, dir, seen)).toEqual([]);
    expect(ls('inbox')).toEqual(['po-4010.edi']);
    const [outcome] = await pollDropFolder(t.db, dir, seen);
    expect(outcome).toMatchObject({ file: 'po-4010.edi', movedTo: 'done', result: { outcome: 'accepted', orders: [{ status: 'confirmed' }] } });
    expect(ls('inbox')).toEqual([]);
    expect(ls('done')).toEqual(['po-4010.edi', 'po-4010.edi.ack']);
    expect(read('done', 'po-4010.edi.ack')).toBe(outcome!.result!.ack);
    const stored = await t.db.query<{ via: string; file: string }>(
      'SELECT received_via AS via, file_name AS file FROM edi_interchanges WHERE id = $1', [outcome!.result!.interchangeId]);
    expect(stored.rows).toEqual([{ via: 'folder', file: 'po-4010.edi' }]);
  });

  it('leaves a file that is still being written until it stops changing', async () => {
    const text = withX12ControlNumber(readIntakeFixture('intake-x12-4010-850.edi'), 901);
    drop('slow.edi', text.slice(0, 200));
    await pollDropFolder(t.db, dir, seen);
    fs.appendFileSync(path.join(dir, 'inbox', 'slow.edi'), text.slice(200));
    expect(await pollDropFolder(t.db, dir, seen)).toEqual([]);
    expect(ls('inbox')).toEqual(['slow.edi']);
    const [outcome] = await pollDropFolder(t.db, dir, seen);
    expect(outcome).toMatchObject({ movedTo: 'done', result: { outcome: 'accepted' } });
  });

  it('skips dot-files, which a sender renames when it has finished writing', async () => {
    drop('.upload.edi', readIntakeFixture('intake-x12-5010-850.edi'));
    expect(await pollTwice()).toEqual([]);
    expect(ls('inbox')).toEqual(['.upload.edi']);
  });

  it('moves what cannot be taken to failed/ with a reason file, and the rejecting ack when there is one', async () => {
    drop('orders.csv', 'code,quantity\nGAUZE-001,5\n');
    drop('broken.edi', readIntakeFixture('intake-x12-4010-broken-iea02.edi'));
    drop('stranger.edi', withX12ControlNumber(readIntakeFixture('intake-x12-4010-unknown-partner.edi'), 902));
    const outcomes = await pollTwice();
    expect(outcomes.map((o) => [o.file, o.movedTo])).toEqual([['broken.edi', 'failed'], ['orders.csv', 'failed'], ['stranger.edi', 'failed']]);
    expect(ls('failed')).toEqual([
      'broken.edi', 'broken.edi.ack', 'broken.edi.reason.txt', 'orders.csv', 'orders.csv.reason.txt', 'stranger.edi', 'stranger.edi.reason.txt',
    ]);
    expect(read('failed', 'orders.csv.reason.txt')).toContain('EDI_UNKNOWN_STANDARD');
    expect(read('failed', 'broken.edi.reason.txt')).toContain('IEA02 000000799 does not match ISA13 000000704');
    expect(read('failed', 'broken.edi.ack')).toMatch(/TA1\*000000704\*/);
    expect(read('failed', 'stranger.edi.reason.txt')).toContain('EDI_UNKNOWN_PARTNER');
  });

  it('keeps a file with one refused order in done/, saying which order was refused', async () => {
    drop('mixed.edi', withX12ControlNumber(readIntakeFixture('intake-x12-4010-one-bad-order.edi'), 903));
    const [outcome] = await pollTwice();
    expect(outcome!.movedTo).toBe('done');
    expect(read('done', 'mixed.edi.reason.txt')).toMatch(/PO H1-BAD-0002 refused, VALIDATION_FAILED \(lines\.1\.gtin\)/);
  });

  it('files a resent interchange as done, says it was a duplicate, and never overwrites an earlier file of the same name', async () => {
    const text = withX12ControlNumber(readIntakeFixture('intake-x12-4010-850.edi'), 904);
    drop('same.edi', text);
    const [first] = await pollTwice();
    drop('same.edi', text);
    const [again] = await pollTwice();
    expect(again!.result).toEqual({ ...first!.result, duplicate: true });
    expect(ls('done')).toEqual(['same.edi', 'same.edi.1', 'same.edi.1.ack', 'same.edi.1.reason.txt', 'same.edi.ack']);
    expect(read('done', 'same.edi.1.reason.txt')).toContain(`duplicate of interchange ${first!.result!.interchangeId}`);
  });

  it('runs as a watcher until stopped', async () => {
    const outcomes: string[] = [];
    const watcher = startDropFolderWatcher(t.db, dir, { intervalMs: 50, onOutcome: (o) => outcomes.push(`${o.file}:${o.movedTo}`) });
    drop('watched.edi', withX12ControlNumber(readIntakeFixture('intake-x12-4010-850.edi'), 905));
    for (let i = 0; i < 100 && outcomes.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    await watcher.stop();
    expect(outcomes).toEqual(['watched.edi:done']);
  });
});
