import { invalid } from '../../../platform/errors.ts';
import { checkPoAck, type CheckedPoAckLine } from '../shared/check-po-ack.ts';
import { envelopeStamp } from '../shared/dates.ts';
import type { LineAckStatus, PoAckInput } from '../types.ts';
import type { X12ControlVersion } from './read-isa.ts';
import { writeInterchange, x12Segment } from './write-x12.ts';

/**
 * The X12 855 purchase order acknowledgement, sent when Lotline confirms an order: BAK for the
 * order, then per line the PO1 as ordered and an ACK with the quantity accepted and the ship
 * date promised. Pure: control number and `now` come from the caller.
 */

/** ACK01 (668) line item status. */
const LINE_STATUS_CODE: Readonly<Record<LineAckStatus, string>> = {
  accepted: 'IA', // item accepted
  quantity_changed: 'IQ', // item accepted, quantity changed
  rejected: 'IR', // item rejected
  date_rescheduled: 'DR', // item accepted, date rescheduled
};
const CONTROL_VERSION: Readonly<Record<string, X12ControlVersion>> = { '004010': '00401', '005010': '00501' };
const CURRENT_SCHEDULE_SHIP = '068'; // ACK04 (374): the promised date is a ship date
const PURPOSE_ORIGINAL = '00';

export function generate855(input: PoAckInput): string {
  const version = input.version ?? '004010';
  const controlVersion = CONTROL_VERSION[version];
  if (!controlVersion) throw invalid('version', `X12 ${version} is not 004010 or 005010`);
  const { poDate, lines } = checkPoAck(input);
  const badUom = lines.findIndex((l) => !/^[A-Z0-9]{2}$/.test(l.uom));
  if (badUom !== -1)
    throw invalid(
      `lines[${badUom}].uom`,
      'an X12 unit of measure (355) is two letters or digits: EA, BX, CA',
    );

  const body = [
    x12Segment(
      'BAK',
      PURPOSE_ORIGINAL,
      acknowledgmentType(lines),
      input.poNumber,
      poDate,
      '',
      '',
      '',
      '',
      envelopeStamp(input.now).ccyymmdd,
    ),
    ...lines.flatMap(lineSegments),
    x12Segment('CTT', String(lines.length)),
  ];
  return writeInterchange(
    {
      sender: input.sender,
      receiver: input.receiver,
      version: controlVersion,
      controlNumber: input.controlNumber,
      now: input.now,
      test: input.test ?? false,
    },
    {
      group: {
        functionalId: 'PR',
        appSender: input.sender.id,
        appReceiver: input.receiver.id,
        version,
        sets: [{ id: '855', body }],
      },
    },
  );
}

/** BAK02 (587): AD with detail, no change; RD rejected with detail; AC with detail and change. */
function acknowledgmentType(lines: CheckedPoAckLine[]): string {
  if (lines.every((l) => l.status === 'accepted')) return 'AD';
  if (lines.every((l) => l.status === 'rejected')) return 'RD';
  return 'AC';
}

function lineSegments(line: CheckedPoAckLine): string[] {
  const productId = line.gtin ? ['UK', line.gtin] : [];
  return [
    x12Segment('PO1', line.lineNo, String(line.orderedQty), line.uom, line.unitPrice, '', ...productId),
    x12Segment(
      'ACK',
      LINE_STATUS_CODE[line.status],
      String(line.acceptedQty),
      line.uom,
      line.promisedOn && CURRENT_SCHEDULE_SHIP,
      line.promisedOn,
    ),
  ];
}
