import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EdiParseOptions } from './types.ts';

/** Shared by the EDI tests: the sample files, fixed parse options, and interchange builders. */

const FIXTURES = new URL('../../../test/fixtures/edi/', import.meta.url);

export const fixturePath = (name: string): string => fileURLToPath(new URL(name, FIXTURES));
export const readFixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

export const TEST_OPTIONS: EdiParseOptions = {
  ackControlNumber: 9001,
  now: new Date('2024-01-15T10:00:00Z'),
};

/** The segments of an interchange Lotline wrote, without terminators and line breaks. */
export const x12Segments = (text: string): string[] => text.split('~\n').filter(Boolean);
export const edifactSegments = (text: string): string[] => text.split("'\n").filter(Boolean);

/** The segments strictly between the first one starting with `from` and the next starting with `to`. */
export function between(segments: string[], from: string, to: string): string[] {
  const start = segments.findIndex((s) => s.startsWith(from));
  const end = segments.findIndex((s, i) => i > start && s.startsWith(to));
  return segments.slice(start + 1, end);
}

/**
 * An X12 interchange from PARTNER to LOTLINE around 850 bodies (the segments between ST and SE),
 * with every count and control number right, for tests that break one thing on purpose.
 */
export function x12Interchange(
  bodies: string[][],
  options: { version?: '00401' | '00501'; ackRequested?: boolean } = {},
): string {
  const version = options.version ?? '00401';
  const isa = `ISA*00*          *00*          *ZZ*PARTNER        *ZZ*LOTLINE        *240110*0800*${version === '00501' ? '^' : 'U'}*${version}*000000042*${options.ackRequested ? '1' : '0'}*P*>`;
  const sets = bodies.flatMap((body, i) => {
    const control = String(i + 1).padStart(4, '0');
    return [`ST*850*${control}`, ...body, `SE*${body.length + 2}*${control}`];
  });
  const group = [
    `GS*PO*PARTNER*LOTLINE*20240110*0800*42*X*${version === '00501' ? '005010' : '004010'}`,
    ...sets,
    `GE*${bodies.length}*42`,
  ];
  return [isa, ...group, 'IEA*1*000000042'].map((s) => `${s}~\n`).join('');
}

/** A valid 850 body: BEG, buyer, one GTIN line. */
export const MINIMAL_850 = [
  'BEG*00*SA*PO-1**20240110',
  'N1*BY*CITY HOSPITAL*UL*0614141000036',
  'PO1*1*5*EA*10.00**UK*10614141000415',
  'CTT*1',
];

/** An EDIFACT interchange (default separators, no UNA) from PARTNER to LOTLINE around ORDERS bodies. */
export function edifactInterchange(bodies: string[][], options: { una?: string } = {}): string {
  const messages = bodies.flatMap((body, i) => {
    const reference = `M${i + 1}`;
    return [`UNH+${reference}+ORDERS:D:96A:UN:EAN008`, ...body, `UNT+${body.length + 2}+${reference}`];
  });
  const segments = [
    'UNB+UNOC:3+PARTNER:ZZZ+LOTLINE:ZZZ+240110:0800+IC42',
    ...messages,
    `UNZ+${bodies.length}+IC42`,
  ];
  return `${options.una ?? ''}${segments.map((s) => `${s}'\n`).join('')}`;
}

/** A valid ORDERS body: BGM, order date, buyer, one GTIN line. */
export const MINIMAL_ORDERS = [
  'BGM+220+PO-1+9',
  'DTM+137:20240110:102',
  'NAD+BY+4012345000009::9++CITY HOSPITAL',
  'LIN+1++09506000134352:SRV',
  'QTY+21:5:PCE',
  'PRI+AAA:10.00',
  'UNS+S',
];
