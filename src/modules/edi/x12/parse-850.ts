import type { EnvelopeParty, ParsedOrder } from '../types.ts';
import { orderSource } from '../shared/order-parts.ts';
import type { SegmentError } from './ack-codes.ts';
import { checkSegment } from './check-elements.ts';
import { map850Segment, type Area, type OrderDraft } from './map-850-segment.ts';
import { RULES_850, SEGMENTS_850 } from './rules-850.ts';
import type { X12Segment } from './tokenize-x12.ts';
import type { X12SetEnvelope } from './validate-envelope.ts';

/**
 * Maps one 850 whose envelope is sound into a neutral order, and reports what a 997 / 999 must
 * say about its segments (AK3) and elements (AK4). A set with any error other than an
 * unrecognised segment yields no order: it is rejected and will be sent again.
 */

/** What the order needs from the envelope around the set. */
export interface SetContext {
  text: string;
  sender: EnvelopeParty;
  receiver: EnvelopeParty;
  interchangeControlNumber: string;
  /** GS08 up to the release: `004010`, `005010`. */
  version: string;
  test: boolean;
}

export interface Parsed850 {
  order: ParsedOrder | null;
  errors: SegmentError[];
}

export function parse850(set: X12SetEnvelope, context: SetContext): Parsed850 {
  const draft: OrderDraft = { lines: [] };
  const errors: SegmentError[] = [];
  let area: Area = 'heading';
  let sawLine = false;

  const body = set.segments.slice(1, -1); // ST and SE belong to the envelope
  if (body[0]?.id !== 'BEG') errors.push(structureError('BEG', 2, '3', 'BEG is missing: it must follow ST'));
  body.forEach((segment, i) => {
    const position = i + 2; // ST is 1
    const misplaced = placementError(segment, position, area);
    if (misplaced) {
      errors.push(misplaced);
      return;
    }
    if (segment.id === 'PO1') {
      area = 'detail';
      sawLine = true;
    }
    if (segment.id === 'CTT') area = 'summary';

    const rule = RULES_850[segment.id];
    if (!rule) return; // an 850 segment Lotline does not map
    const syntaxErrors = checkSegment(segment, rule);
    const elements = syntaxErrors.length > 0 ? syntaxErrors : map850Segment(segment, draft, area);
    if (elements.length > 0) {
      const message = `${segment.id} at ${position}: ${elements.map((e) => e.message).join('; ')}`;
      errors.push({
        segmentId: segment.id,
        position,
        loopId: loopIdOf(segment.id, area),
        code: '8',
        elements,
        message,
      });
    }
  });
  if (!sawLine) {
    // The PO1 loop was due before the summary: report it where CTT (or SE) stands.
    const summaryAt = set.segments.findIndex((s) => s.id === 'CTT');
    const position = summaryAt === -1 ? set.segments.length : summaryAt + 1;
    errors.push(structureError('PO1', position, '3', 'the order has no PO1 line'));
  }

  errors.sort((a, b) => a.position - b.position);
  const rejected = errors.some((e) => e.code !== '1');
  if (rejected || !draft.header) return { order: null, errors };
  const { header, lines, ...rest } = draft;
  const order: ParsedOrder = {
    ...header,
    ...rest,
    sender: context.sender,
    receiver: context.receiver,
    controlNumber: context.interchangeControlNumber,
    messageControlNumber: set.controlNumber,
    version: context.version,
    test: context.test,
    lines,
    source: orderSource(set.segments, context.text),
  };
  return { order, errors };
}

/** AK3 1 (not an 850 segment) and 2 (an 850 segment where it cannot be). */
function placementError(segment: X12Segment, position: number, area: Area): SegmentError | null {
  const { id } = segment;
  if (!SEGMENTS_850.has(id)) return structureError(id, position, '1', `"${id}" is not an 850 segment`);
  if (id === 'BEG' && position !== 2) return structureError(id, position, '2', `a second BEG at ${position}`);
  if (id === 'PO1' && area === 'summary')
    return structureError(id, position, '2', `PO1 at ${position} comes after CTT`);
  return null;
}

function structureError(
  segmentId: string,
  position: number,
  code: '1' | '2' | '3',
  message: string,
): SegmentError {
  return { segmentId, position, code, elements: [], message };
}

/** AK303 / IK303: the loop a reported segment sits in, for the segments Lotline checks. */
function loopIdOf(segmentId: string, area: Area): string | undefined {
  if (segmentId === 'N1') return 'N1';
  if (area === 'detail') return 'PO1';
  return segmentId === 'CTT' ? 'CTT' : undefined;
}
