import { DomainError } from '../../../platform/errors.ts';
import type { Ak5Code, Ak9Code, EnvelopeFinding, Ta1NoteCode } from './ack-codes.ts';
import { readIsa, type IsaHeader } from './read-isa.ts';
import type { X12Segment, X12Tokens } from './tokenize-x12.ts';

/**
 * Reads the nesting ISA > GS > ST … SE > GE > IEA and checks every control number and count.
 * Findings are collected, not thrown: each becomes a TA1, AK9 or AK5 code in the acknowledgement.
 */

export interface X12SetEnvelope {
  /** ST01, ST02 and (5010) ST03 as received. */
  transactionSetId: string;
  controlNumber: string;
  implementationRef?: string;
  /** ST … SE inclusive, or ST up to the next envelope segment when SE is missing. */
  segments: X12Segment[];
  findings: EnvelopeFinding<Ak5Code>[];
}

export interface X12GroupEnvelope {
  /** GS01, GS02, GS03, GS06 and GS08 as received. */
  functionalId: string;
  appSender: string;
  appReceiver: string;
  controlNumber: string;
  version: string;
  /** GE01 as received; empty when the GE is missing. */
  declaredSetCount: string;
  sets: X12SetEnvelope[];
  findings: EnvelopeFinding<Ak9Code>[];
}

export interface X12InterchangeEnvelope {
  isa: IsaHeader;
  groups: X12GroupEnvelope[];
  findings: EnvelopeFinding<Ta1NoteCode>[];
}

/** Lotline takes purchase orders only: GS01 PO, which holds the 850 and nothing else. */
const ORDER_FUNCTIONAL_ID = 'PO';
const ORDER_SET_ID = '850';
const SUPPORTED_GROUP_VERSIONS = ['004010', '005010'];
const SET_BOUNDARIES = new Set(['SE', 'ST', 'GE', 'GS', 'IEA']);

const element = (segment: X12Segment | undefined, n: number): string => segment?.elements[n - 1] ?? '';
const countMatches = (declared: string, actual: number): boolean =>
  /^\d+$/.test(declared) && Number(declared) === actual;

export function validateX12Envelope(tokens: X12Tokens): X12InterchangeEnvelope {
  const { header: isa, finding } = readIsa(tokens);
  if (finding) return { isa, groups: [], findings: [finding] };

  const { segments } = tokens;
  const groups: X12GroupEnvelope[] = [];
  let at = 1;
  while (segments[at]?.id === 'GS') {
    const read = readGroup(segments, at);
    groups.push(read.group);
    at = read.next;
  }

  const findings: EnvelopeFinding<Ta1NoteCode>[] = [];
  const iea = segments[at];
  if (iea === undefined) {
    findings.push({ code: '023', message: 'the interchange ends without an IEA' });
  } else if (iea.id !== 'IEA') {
    findings.push({ code: '024', message: `segment ${at + 1} is "${iea.id}" where a GS or the IEA must be` });
  } else {
    if (element(iea, 2) !== isa.controlNumber) {
      findings.push({
        code: '001',
        message: `IEA02 ${element(iea, 2)} does not match ISA13 ${isa.controlNumber}`,
      });
    }
    if (!countMatches(element(iea, 1), groups.length)) {
      findings.push({
        code: '021',
        message: `IEA01 says ${element(iea, 1)} group(s), the interchange has ${groups.length}`,
      });
    }
    if (at + 1 < segments.length) {
      throw new DomainError('EDI_ENVELOPE_INVALID', 'data follows the IEA: send one interchange per file', {
        field: 'IEA',
      });
    }
  }
  return { isa, groups, findings };
}

function readGroup(segments: X12Segment[], at: number): { group: X12GroupEnvelope; next: number } {
  const gs = segments[at];
  const sets: X12SetEnvelope[] = [];
  let next = at + 1;
  while (segments[next]?.id === 'ST') {
    const read = readSet(segments, next);
    sets.push(read.set);
    next = read.next;
  }
  const group: X12GroupEnvelope = {
    functionalId: element(gs, 1),
    appSender: element(gs, 2),
    appReceiver: element(gs, 3),
    controlNumber: element(gs, 6),
    version: element(gs, 8),
    declaredSetCount: '',
    sets,
    findings: [],
  };
  markDuplicateControlNumbers(sets);

  const { findings } = group;
  if (group.functionalId !== ORDER_FUNCTIONAL_ID) {
    findings.push({
      code: '1',
      message: `GS01 ${group.functionalId}: only purchase-order groups (PO) are taken`,
    });
  }
  if (!SUPPORTED_GROUP_VERSIONS.some((v) => group.version.startsWith(v))) {
    findings.push({
      code: '2',
      message: `GS08 ${group.version} is not ${SUPPORTED_GROUP_VERSIONS.join(' or ')}`,
    });
  }
  const ge = segments[next];
  if (ge?.id !== 'GE') {
    findings.push({ code: '3', message: `group ${group.controlNumber} has no GE` });
    return { group, next };
  }
  group.declaredSetCount = element(ge, 1);
  if (element(ge, 2) !== group.controlNumber) {
    findings.push({
      code: '4',
      message: `GE02 ${element(ge, 2)} does not match GS06 ${group.controlNumber}`,
    });
  }
  if (!countMatches(group.declaredSetCount, sets.length)) {
    findings.push({
      code: '5',
      message: `GE01 says ${group.declaredSetCount} set(s), the group has ${sets.length}`,
    });
  }
  return { group, next: next + 1 };
}

function readSet(segments: X12Segment[], at: number): { set: X12SetEnvelope; next: number } {
  const st = segments[at];
  let end = at + 1;
  while (end < segments.length && !SET_BOUNDARIES.has(segments[end]?.id ?? '')) end++;
  const se = segments[end]?.id === 'SE' ? segments[end] : undefined;
  const set: X12SetEnvelope = {
    transactionSetId: element(st, 1),
    controlNumber: element(st, 2),
    implementationRef: element(st, 3) || undefined,
    segments: segments.slice(at, se ? end + 1 : end),
    findings: [],
  };

  const { findings, transactionSetId: id, controlNumber } = set;
  if (!/^\d{3}$/.test(id))
    findings.push({ code: '6', message: `ST01 "${id}" is not a transaction set identifier` });
  else if (id !== ORDER_SET_ID)
    findings.push({ code: '1', message: `a ${id} cannot be taken in a PO group; only the 850` });
  if (!/^.{4,9}$/.test(controlNumber))
    findings.push({ code: '7', message: `ST02 "${controlNumber}" is not 4–9 characters` });
  if (!se) {
    findings.push({ code: '2', message: `set ${controlNumber} has no SE` });
    return { set, next: end };
  }
  if (element(se, 2) !== controlNumber) {
    findings.push({ code: '3', message: `SE02 ${element(se, 2)} does not match ST02 ${controlNumber}` });
  }
  if (!countMatches(element(se, 1), set.segments.length)) {
    findings.push({
      code: '4',
      message: `SE01 says ${element(se, 1)} segments, the set has ${set.segments.length}`,
    });
  }
  return { set, next: end + 1 };
}

/** A group's ST02s must be unique: the 997 could not say which of two equal ones it rejects. */
function markDuplicateControlNumbers(sets: X12SetEnvelope[]): void {
  const seen = new Set<string>();
  for (const set of sets) {
    if (seen.has(set.controlNumber)) {
      set.findings.push({ code: '23', message: `ST02 ${set.controlNumber} is used twice in the group` });
    }
    seen.add(set.controlNumber);
  }
}
