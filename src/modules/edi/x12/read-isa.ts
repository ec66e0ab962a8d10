import type { EnvelopeParty } from '../types.ts';
import { isValidHhmm, isValidYymmdd } from '../shared/dates.ts';
import type { EnvelopeFinding, Ta1NoteCode } from './ack-codes.ts';
import type { X12Tokens } from './tokenize-x12.ts';

/** The ISA, read and checked element by element so a TA1 can name what is wrong. */

export type X12ControlVersion = '00401' | '00501';

export interface IsaHeader {
  /** ISA05/ISA06 and ISA07/ISA08, with the fixed-width padding trimmed. */
  sender: EnvelopeParty;
  receiver: EnvelopeParty;
  /** ISA09, ISA10 and ISA13 as received: a TA1 echoes them. */
  date: string;
  time: string;
  controlNumber: string;
  /** ISA12 when it is one Lotline answers in, else null (the ISA is then refused). */
  version: X12ControlVersion | null;
  /** ISA14 = 1: the sender asks for a TA1 even when the interchange is fine. */
  ackRequested: boolean;
  /** ISA15 = T. */
  test: boolean;
}

const ISA_LENGTH = 106;
const SUPPORTED_VERSIONS = ['00401', '00501'];
const isControlVersion = (value: string): value is X12ControlVersion => SUPPORTED_VERSIONS.includes(value);
const AUTHORIZATION_QUALIFIERS = ['00', '01', '02', '03', '04', '05', '06'];
const SECURITY_QUALIFIERS = ['00', '01'];
/** I05: 01 DUNS, 08 UCC EDI communications id, 12 phone, 14 DUNS + suffix, ZZ mutually defined … */
const ID_QUALIFIERS = [
  ...['01', '02', '03', '04', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18'],
  ...['19', '20', '27', '28', '29', '30', '33', 'ZZ'],
];
/** Letters, digits and the space cannot delimit: they occur in data. */
const DATA_CHARACTER = /[\p{L}\p{N} ]/u;

export function readIsa(tokens: X12Tokens): {
  header: IsaHeader;
  finding: EnvelopeFinding<Ta1NoteCode> | null;
} {
  const elements = tokens.segments[0]?.elements ?? [];
  const isa = (n: number): string => elements[n - 1] ?? '';
  const { element, component, segment } = tokens.delimiters;
  const declaredVersion = isa(12);
  const version = isControlVersion(declaredVersion) ? declaredVersion : null;
  const header: IsaHeader = {
    sender: { qualifier: isa(5), id: isa(6).trim() },
    receiver: { qualifier: isa(7), id: isa(8).trim() },
    date: isa(9),
    time: isa(10),
    controlNumber: isa(13),
    version,
    ackRequested: isa(14) === '1',
    test: isa(15) === 'T',
  };

  const lengthNote =
    tokens.isaLength === ISA_LENGTH ? '' : ` (the ISA is ${tokens.isaLength} characters, not ${ISA_LENGTH})`;
  const width = (n: number, size: number): string | null =>
    isa(n).length === size
      ? null
      : `ISA${pad(n)} "${isa(n)}" is ${isa(n).length} characters, not ${size}${lengthNote}`;
  const oneOf = (n: number, codes: readonly string[]): string | null =>
    codes.includes(isa(n)) ? null : `ISA${pad(n)} "${isa(n)}" is not one of ${codes.join(', ')}${lengthNote}`;

  // Ordered as the ISA reads, after the delimiters (without which nothing else can be trusted).
  const checks: Array<[Ta1NoteCode, string | null]> = [
    [
      '027',
      DATA_CHARACTER.test(component) || component === element
        ? `ISA16 "${component}" cannot be the component element separator`
        : null,
    ],
    [
      '004',
      DATA_CHARACTER.test(segment) || segment === element || segment === component
        ? `"${segment}" after ISA16 cannot be the segment terminator${lengthNote}`
        : null,
    ],
    ['010', oneOf(1, AUTHORIZATION_QUALIFIERS)],
    ['011', width(2, 10)],
    ['012', oneOf(3, SECURITY_QUALIFIERS)],
    ['013', width(4, 10)],
    ['005', oneOf(5, ID_QUALIFIERS)],
    ['006', width(6, 15) ?? (header.sender.id === '' ? 'ISA06 is blank' : null)],
    ['007', oneOf(7, ID_QUALIFIERS)],
    ['008', width(8, 15) ?? (header.receiver.id === '' ? 'ISA08 is blank' : null)],
    ['014', isValidYymmdd(isa(9)) ? null : `ISA09 "${isa(9)}" is not a YYMMDD date`],
    ['015', isValidHhmm(isa(10)) ? null : `ISA10 "${isa(10)}" is not an HHMM time`],
    ['017', /^\d{5}$/.test(isa(12)) ? null : `ISA12 "${isa(12)}" is not a five-digit version`],
    [
      '003',
      version ? null : `ISA12 ${isa(12)} is not a supported version (${SUPPORTED_VERSIONS.join(', ')})`,
    ],
    ['016', checkIsa11(isa(11), version, tokens.delimiters)],
    ['018', /^\d{9}$/.test(isa(13)) ? null : `ISA13 "${isa(13)}" is not nine digits`],
    ['019', oneOf(14, ['0', '1'])],
    ['020', oneOf(15, ['P', 'T'])],
  ];
  for (const [code, message] of checks) {
    if (message !== null) return { header, finding: { code, message } };
  }
  return { header, finding: null };
}

/** ISA11 is the standards identifier `U` up to 4010 and the repetition separator from 5010. */
function checkIsa11(
  value: string,
  version: X12ControlVersion | null,
  delimiters: X12Tokens['delimiters'],
): string | null {
  if (version === null) return null; // already refused as 003/017
  if (version === '00401') return value === 'U' ? null : `ISA11 "${value}" is not U`;
  const clashes = Object.values(delimiters).includes(value);
  return value.length !== 1 || DATA_CHARACTER.test(value) || clashes
    ? `ISA11 "${value}" cannot be the repetition separator`
    : null;
}

const pad = (n: number): string => String(n).padStart(2, '0');
