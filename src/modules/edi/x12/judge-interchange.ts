import type { ParsedOrder } from '../types.ts';
import type { Ak5Code, Ak9Code, GroupAckStatus, SegmentError, SetAckStatus } from './ack-codes.ts';
import { parse850, type SetContext } from './parse-850.ts';
import type { X12GroupEnvelope, X12InterchangeEnvelope, X12SetEnvelope } from './validate-envelope.ts';

/**
 * Decides what the acknowledgement says at each level, from the envelope findings and the
 * content of each 850. A refused envelope refuses everything inside it without looking further:
 * the partner resends that interchange or group whole.
 */

export interface SetVerdict {
  envelope: X12SetEnvelope;
  status: SetAckStatus;
  codes: Ak5Code[];
  errors: SegmentError[];
  order: ParsedOrder | null;
}

export interface GroupVerdict {
  envelope: X12GroupEnvelope;
  status: GroupAckStatus;
  codes: Ak9Code[];
  /** Empty when the group is refused as a whole: the ack then carries no AK2. */
  sets: SetVerdict[];
  acceptedCount: number;
}

export interface InterchangeVerdict {
  envelope: X12InterchangeEnvelope;
  /** Empty when the interchange is refused (a TA1 with code R). */
  groups: GroupVerdict[];
}

/** AK5 and AK9 each carry at most five syntax error codes. */
const MAX_CODES = 5;

export function judgeInterchange(envelope: X12InterchangeEnvelope, text: string): InterchangeVerdict {
  if (envelope.findings.length > 0) return { envelope, groups: [] };
  return { envelope, groups: envelope.groups.map((group) => judgeGroup(group, envelope, text)) };
}

function judgeGroup(
  group: X12GroupEnvelope,
  interchange: X12InterchangeEnvelope,
  text: string,
): GroupVerdict {
  if (group.findings.length > 0) {
    const codes = group.findings.map((f) => f.code).slice(0, MAX_CODES);
    return { envelope: group, status: 'R', codes, sets: [], acceptedCount: 0 };
  }
  const { isa } = interchange;
  const context: SetContext = {
    text,
    sender: isa.sender,
    receiver: isa.receiver,
    interchangeControlNumber: isa.controlNumber,
    version: group.version.slice(0, 6),
    test: isa.test,
  };
  const sets = group.sets.map((set) => judgeSet(set, context));
  const acceptedCount = sets.filter((s) => s.status !== 'R').length;
  const status: GroupAckStatus =
    acceptedCount < sets.length
      ? acceptedCount === 0
        ? 'R'
        : 'P'
      : sets.some((s) => s.status === 'E')
        ? 'E'
        : 'A';
  return { envelope: group, status, codes: [], sets, acceptedCount };
}

function judgeSet(set: X12SetEnvelope, context: SetContext): SetVerdict {
  if (set.findings.length > 0) {
    const codes = set.findings.map((f) => f.code).slice(0, MAX_CODES);
    return { envelope: set, status: 'R', codes, errors: [], order: null };
  }
  const { order, errors } = parse850(set, context);
  if (errors.length === 0) return { envelope: set, status: 'A', codes: [], errors, order };
  // Only unrecognised segments leave an order behind: they are skipped, and noted (E).
  return { envelope: set, status: order ? 'E' : 'R', codes: ['5'], errors, order };
}
