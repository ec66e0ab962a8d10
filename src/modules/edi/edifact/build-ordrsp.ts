import { invalid } from '../../../platform/errors.ts';
import { checkPoAck, type CheckedPoAckLine } from '../shared/check-po-ack.ts';
import { envelopeStamp } from '../shared/dates.ts';
import type { LineAckStatus, PoAckInput } from '../types.ts';
import { edifactSegment, writeEdifactInterchange, type OutboundSegment } from './write-edifact.ts';

/**
 * The EDIFACT ORDRSP answering an ORDERS when Lotline confirms it: BGM with the response as a
 * whole, a reference to the order, then per line the quantities ordered and to be delivered,
 * the promised despatch date and the price. Pure: control number and `now` come from the caller.
 */

/** LIN 1229: 5 accepted without amendment, 3 changed, 7 not accepted. */
const LINE_ACTION: Readonly<Record<LineAckStatus, string>> = {
  accepted: '5',
  quantity_changed: '3',
  date_rescheduled: '3',
  rejected: '7',
};
const CCYYMMDD = '102';

export function generateOrdrsp(input: PoAckInput): string {
  const directory = input.version ?? 'D96A';
  const match = /^D(\d{2}[A-Z])$/.exec(directory);
  if (!match?.[1]) throw invalid('version', `EDIFACT directory ${directory} is not like D96A`);
  const { poDate, lines } = checkPoAck(input);
  const reference = String(input.controlNumber);

  const body = [
    edifactSegment('BGM', '231', reference, responseFunction(lines)), // 231: purchase order response
    edifactSegment('DTM', ['137', envelopeStamp(input.now).ccyymmdd, CCYYMMDD]),
    edifactSegment('RFF', ['ON', input.poNumber]),
    edifactSegment('DTM', ['171', poDate, CCYYMMDD]), // date of the order referred to
    ...lines.flatMap(lineSegments),
    edifactSegment('UNS', 'S'),
    edifactSegment('CNT', ['2', String(lines.length)]),
  ];
  return writeEdifactInterchange(
    {
      syntax: { identifier: 'UNOC', version: '3' },
      sender: input.sender,
      recipient: input.receiver,
      controlReference: reference,
      now: input.now,
      test: input.test ?? false,
    },
    [{ reference: '1', identifier: ['ORDRSP', 'D', match[1], 'UN'], body }],
  );
}

/** BGM 1225: 29 accepted without amendment, 27 not accepted, 4 change. */
function responseFunction(lines: CheckedPoAckLine[]): string {
  if (lines.every((l) => l.status === 'accepted')) return '29';
  if (lines.every((l) => l.status === 'rejected')) return '27';
  return '4';
}

function lineSegments(line: CheckedPoAckLine): OutboundSegment[] {
  return [
    edifactSegment('LIN', line.lineNo, LINE_ACTION[line.status], line.gtin ? [line.gtin, 'SRV'] : undefined),
    edifactSegment('QTY', ['21', String(line.orderedQty), line.uom]),
    edifactSegment('QTY', ['113', String(line.acceptedQty), line.uom]), // quantity to be delivered
    ...(line.promisedOn ? [edifactSegment('DTM', ['11', line.promisedOn, CCYYMMDD])] : []), // despatch date
    edifactSegment('PRI', ['AAA', line.unitPrice]),
  ];
}
