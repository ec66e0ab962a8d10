import { DomainError } from '../../../platform/errors.ts';
import { envelopeStamp, type EnvelopeStamp } from '../shared/dates.ts';
import type { EnvelopeParty } from '../types.ts';
import type { X12ControlVersion } from './read-isa.ts';

/**
 * Writes X12 interchanges (acknowledgements, 855s). Lotline always writes with the usual
 * delimiters below; a partner's translator reads them from the ISA, whatever it sends with.
 */

const OUTBOUND_DELIMITERS = { element: '*', component: '>', repetition: '^', segment: '~' } as const;
const DELIMITERS: readonly string[] = Object.values(OUTBOUND_DELIMITERS);

export const containsDelimiter = (value: string): boolean => DELIMITERS.some((d) => value.includes(d));

/** One segment, trailing empty elements dropped as X12 requires. X12 has no escape character. */
export function x12Segment(id: string, ...elements: Array<string | undefined>): string {
  const values = elements.map((e) => e ?? '');
  while (values.at(-1) === '') values.pop();
  const clash = values.find(containsDelimiter);
  if (clash !== undefined) {
    throw new DomainError('EDI_SEGMENT_INVALID', `${id}: "${clash}" contains an X12 delimiter`, {
      field: id,
    });
  }
  return `${[id, ...values].join(OUTBOUND_DELIMITERS.element)}${OUTBOUND_DELIMITERS.segment}`;
}

export interface OutboundEnvelope {
  sender: EnvelopeParty;
  receiver: EnvelopeParty;
  version: X12ControlVersion;
  /** ISA13 (nine digits, zero-padded) and GS06: one number for both, as one group is written. */
  controlNumber: string | number;
  now: Date;
  test: boolean;
}

export interface OutboundSet {
  /** ST01, and ST03 (005010 implementation convention) when given. */
  id: string;
  implementationRef?: string;
  /** The segments between ST and SE. */
  body: string[];
}

export interface OutboundGroup {
  functionalId: string;
  appSender: string;
  appReceiver: string;
  /** GS08, e.g. `004010` or `005010X231`. */
  version: string;
  sets: OutboundSet[];
}

/** ISA, then `leading` segments (a TA1), then the group when there is one, then IEA. */
export function writeInterchange(
  envelope: OutboundEnvelope,
  content: { leading?: string[]; group?: OutboundGroup },
): string {
  const isaControl = isaControlNumber(envelope.controlNumber);
  const groupControl = String(Number(isaControl));
  const stamp = envelopeStamp(envelope.now);
  const segments = [isaSegment(envelope, isaControl, stamp), ...(content.leading ?? [])];
  const { group } = content;
  if (group) {
    segments.push(
      x12Segment(
        'GS',
        group.functionalId,
        group.appSender,
        group.appReceiver,
        stamp.ccyymmdd,
        stamp.hhmm,
        groupControl,
        'X',
        group.version,
      ),
    );
    group.sets.forEach((set, i) => {
      const setControl = String(i + 1).padStart(4, '0');
      segments.push(x12Segment('ST', set.id, setControl, set.implementationRef), ...set.body);
      segments.push(x12Segment('SE', String(set.body.length + 2), setControl));
    });
    segments.push(x12Segment('GE', String(group.sets.length), groupControl));
  }
  segments.push(x12Segment('IEA', group ? '1' : '0', isaControl));
  return `${segments.join('\n')}\n`;
}

function isaControlNumber(value: string | number): string {
  const digits = String(value);
  if (!/^\d{1,9}$/.test(digits) || Number(digits) === 0) {
    throw new DomainError('VALIDATION_FAILED', `control number "${digits}" is not 1–999999999`, {
      field: 'controlNumber',
    });
  }
  return digits.padStart(9, '0');
}

/** The ISA is fixed width: every element padded to its size, 106 characters with the terminator. */
function isaSegment(envelope: OutboundEnvelope, controlNumber: string, stamp: EnvelopeStamp): string {
  const { sender, receiver, version } = envelope;
  const elements = [
    '00',
    ' '.repeat(10),
    '00',
    ' '.repeat(10),
    fixedWidth(sender.qualifier, 2, 'sender.qualifier'),
    fixedWidth(sender.id, 15, 'sender.id'),
    fixedWidth(receiver.qualifier, 2, 'receiver.qualifier'),
    fixedWidth(receiver.id, 15, 'receiver.id'),
    stamp.yymmdd,
    stamp.hhmm,
    version === '00501' ? OUTBOUND_DELIMITERS.repetition : 'U',
    version,
    controlNumber,
    '0', // no TA1 asked back
    envelope.test ? 'T' : 'P',
    OUTBOUND_DELIMITERS.component,
  ];
  return `ISA${OUTBOUND_DELIMITERS.element}${elements.join(OUTBOUND_DELIMITERS.element)}${OUTBOUND_DELIMITERS.segment}`;
}

function fixedWidth(value: string, width: number, field: string): string {
  if (value.length > width || containsDelimiter(value)) {
    throw new DomainError('EDI_SEGMENT_INVALID', `ISA ${field} "${value}" does not fit ${width} characters`, {
      field,
    });
  }
  return value.padEnd(width);
}
