import type { EdiParseOptions, EnvelopeParty } from '../types.ts';
import type { ElementError, EnvelopeFinding, SegmentError, Ta1NoteCode } from './ack-codes.ts';
import type { GroupVerdict, InterchangeVerdict } from './judge-interchange.ts';
import type { IsaHeader } from './read-isa.ts';
import { containsDelimiter, writeInterchange, x12Segment, type OutboundGroup } from './write-x12.ts';

/**
 * The acknowledgement interchange: a 997 (004010) or 999 (005010X231) per functional group
 * received, and a TA1 when the interchange is refused, was asked for one (ISA14 = 1), or holds
 * no group to acknowledge. Sender and receiver are swapped; control numbers are the caller's.
 */

const IMPLEMENTATION_999 = '005010X231';

export function build997(verdict: InterchangeVerdict, options: EdiParseOptions): string {
  const { isa, findings, groups: receivedGroups } = verdict.envelope;
  const [refusal] = findings;
  const version = isa.version ?? '00401';
  const answerWith999 = version === '00501';

  const leading =
    refusal || isa.ackRequested || receivedGroups.length === 0 ? [ta1Segment(isa, refusal)] : [];
  const first = receivedGroups[0];
  const group: OutboundGroup | undefined =
    refusal || !first
      ? undefined
      : {
          functionalId: 'FA',
          appSender: first.appReceiver || isa.receiver.id,
          appReceiver: first.appSender || isa.sender.id,
          version: answerWith999 ? IMPLEMENTATION_999 : '004010',
          sets: verdict.groups.map((g) => ({
            id: answerWith999 ? '999' : '997',
            implementationRef: answerWith999 ? IMPLEMENTATION_999 : undefined,
            body: acknowledgeGroup(g, answerWith999),
          })),
        };

  const envelope = {
    sender: addressable(isa.receiver),
    receiver: addressable(isa.sender),
    version,
    controlNumber: options.ackControlNumber,
    now: options.now,
    test: isa.test,
  };
  return writeInterchange(envelope, { leading, group });
}

/** TA1: the interchange echoed by ISA13, ISA09, ISA10, then A (accepted) or R with its note code. */
function ta1Segment(isa: IsaHeader, refusal: EnvelopeFinding<Ta1NoteCode> | undefined): string {
  return x12Segment(
    'TA1',
    isa.controlNumber,
    isa.date,
    isa.time,
    refusal ? 'R' : 'A',
    refusal?.code ?? '000',
  );
}

/** AK1, an AK2 … AK5 loop per set judged, AK9. The 999 names AK3/AK4/AK5 IK3/IK4/IK5. */
function acknowledgeGroup(verdict: GroupVerdict, is999: boolean): string[] {
  const { envelope } = verdict;
  const [setSegment, segmentSegment, elementSegment] = is999 ? ['IK5', 'IK3', 'IK4'] : ['AK5', 'AK3', 'AK4'];
  const body = [
    x12Segment('AK1', envelope.functionalId, envelope.controlNumber, is999 ? envelope.version : undefined),
  ];
  for (const set of verdict.sets) {
    const { transactionSetId, controlNumber, implementationRef } = set.envelope;
    body.push(x12Segment('AK2', transactionSetId, controlNumber, is999 ? implementationRef : undefined));
    for (const error of set.errors) {
      body.push(segmentNote(segmentSegment, error));
      body.push(...error.elements.map((e) => elementNote(elementSegment, e)));
    }
    body.push(x12Segment(setSegment, set.status, ...set.codes));
  }
  const received = envelope.sets.length;
  const included = /^\d+$/.test(envelope.declaredSetCount)
    ? String(Number(envelope.declaredSetCount))
    : String(received);
  body.push(
    x12Segment(
      'AK9',
      verdict.status,
      included,
      String(received),
      String(verdict.acceptedCount),
      ...verdict.codes,
    ),
  );
  return body;
}

/** AK301 is an ID of 2–3 characters: an unreadable segment ID is sent as its first letters and digits. */
function segmentNote(name: string, error: SegmentError): string {
  const id = error.segmentId.replace(/[^A-Za-z0-9]/g, '').slice(0, 3) || 'XX';
  return x12Segment(name, id, String(error.position), error.loopId, error.code);
}

/** AK404 (copy of the bad element) is optional: it is left out when it would break the ack. */
function elementNote(name: string, error: ElementError): string {
  const copy =
    error.badValue && error.badValue.length <= 99 && !containsDelimiter(error.badValue)
      ? error.badValue
      : undefined;
  return x12Segment(name, String(error.position), error.reference, error.code, copy);
}

/** A refused ISA may carry over-long ids; the TA1 still goes back, addressed as near as an ISA allows. */
function addressable(party: EnvelopeParty): EnvelopeParty {
  return { qualifier: party.qualifier.slice(0, 2), id: party.id.slice(0, 15) };
}
