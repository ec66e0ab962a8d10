import { orderSource } from '../shared/order-parts.ts';
import type { EnvelopeParty, ParsedOrder } from '../types.ts';
import type { SegmentFinding } from './contrl-codes.ts';
import { mapOrdersSegment, type Area, type OpenLine, type OrderDraft } from './map-orders-segment.ts';
import { component, type EdifactMessageEnvelope } from './validate-interchange.ts';

/**
 * Maps one ORDERS message whose envelope is sound into a neutral order, and reports the UCS /
 * UCD findings of its CONTRL. A CONTRL can only accept or reject a message, so any finding
 * rejects it and yields no order.
 */

export interface MessageContext {
  text: string;
  sender: EnvelopeParty;
  receiver: EnvelopeParty;
  controlReference: string;
  test: boolean;
  decimalMark: '.' | ',';
}

export interface ParsedOrders {
  order: ParsedOrder | null;
  errors: SegmentFinding[];
}

const IDENTIFYING_TAGS = new Set(['LIN', 'PIA', 'IMD', 'MEA']);

export function parseOrders(message: EdifactMessageEnvelope, context: MessageContext): ParsedOrders {
  const draft: OrderDraft = { lines: [] };
  const errors: SegmentFinding[] = [];
  const missing = (position: number, tag: string, text: string): void => {
    errors.push({ position, tag, code: '13', elements: [], message: text });
  };
  let area: Area = 'heading';
  let open: OpenLine | undefined;
  let bgmAt: number | undefined;
  const closeLine = (): void => {
    if (open && !open.hasQuantity)
      missing(open.identifiedAt, 'QTY', `line ${open.line.lineNo} has no QTY+21`);
    open = undefined;
  };

  const body = message.segments.slice(1, -1); // UNH and UNT belong to the envelope
  if (body[0]?.tag !== 'BGM') missing(1, 'BGM', 'BGM is missing: it must follow UNH');
  body.forEach((segment, i) => {
    const position = i + 2; // UNH is 1
    const { tag } = segment;
    if (tag === 'BGM' && position !== 2) {
      const code = bgmAt ? '35' : '15'; // a second BGM, or a first one out of place
      errors.push({ position, tag, code, elements: [], message: `a BGM at ${position}` });
      return;
    }
    if (tag === 'BGM') bgmAt = position;
    if (tag === 'LIN' || tag === 'UNS') closeLine();
    if (tag === 'UNS') area = 'summary';
    if (tag === 'LIN') {
      area = 'detail';
      const line = { lineNo: component(segment, 1) || String(draft.lines.length + 1), quantity: 0 }; // QTY sets it
      open = { line, hasQuantity: false, hasNetPrice: false, identifiedAt: position };
      draft.lines.push(line);
    }
    if (open && IDENTIFYING_TAGS.has(tag)) open.identifiedAt = position;

    const elements = mapOrdersSegment(segment, draft, area, open, context.decimalMark);
    if (elements.length > 0) {
      errors.push({
        position,
        tag,
        elements,
        message: `${tag} at ${position}: ${elements.map((e) => e.message).join('; ')}`,
      });
    }
  });
  closeLine();
  if (draft.lines.length === 0) {
    // The LIN groups were due before UNS (or UNT): the position is the segment read last before.
    const summaryAt = message.segments.findIndex((s) => s.tag === 'UNS');
    missing(summaryAt === -1 ? message.segments.length - 1 : summaryAt, 'LIN', 'the order has no LIN line');
  }
  const sentOrderDate = body.some((s) => s.tag === 'DTM' && component(s, 1, 1) === '137'); // a bad one is reported as such
  if (!sentOrderDate) missing(bgmAt ?? 1, 'DTM', 'DTM+137 (order date) is missing');

  errors.sort((a, b) => a.position - b.position);
  const { poNumber, purpose, orderDate, lines, ...rest } = draft;
  if (errors.length > 0 || !poNumber || !purpose || !orderDate) return { order: null, errors };
  const order: ParsedOrder = {
    poNumber,
    purpose,
    orderDate,
    ...rest,
    sender: context.sender,
    receiver: context.receiver,
    controlNumber: context.controlReference,
    messageControlNumber: message.reference,
    version: `${message.identifier[1] ?? ''}${message.identifier[2] ?? ''}`,
    test: context.test,
    lines,
    source: orderSource(message.segments, context.text),
  };
  return { order, errors };
}
