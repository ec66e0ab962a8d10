import { envelopeStamp } from '../shared/dates.ts';
import type { EnvelopeParty } from '../types.ts';
import { DEFAULT_SEPARATORS } from './tokenize-edifact.ts';

/**
 * Writes EDIFACT interchanges (CONTRL, ORDRSP) with the default separators, announced in a UNA.
 * Segments are built as data and written last, once the syntax version says which characters
 * must be released: any value can go, escaped with the release character.
 */

/** An element is a simple value or its components; trailing empty ones are dropped. */
export type EdifactElement = string | undefined | ReadonlyArray<string | undefined>;

export interface OutboundSegment {
  tag: string;
  elements: EdifactElement[];
}

export const edifactSegment = (tag: string, ...elements: EdifactElement[]): OutboundSegment => ({
  tag,
  elements,
});

export interface OutboundInterchange {
  /** UNB S001, e.g. UNOC and 3. */
  syntax: { identifier: string; version: string };
  sender: EnvelopeParty;
  recipient: EnvelopeParty;
  controlReference: string;
  now: Date;
  test: boolean;
}

export interface OutboundMessage {
  reference: string;
  /** UNH S009: type, version, release, agency. */
  identifier: string[];
  /** The segments between UNH and UNT. */
  body: OutboundSegment[];
}

const { component: COMPONENT, element: ELEMENT, release: RELEASE, segment: TERMINATOR } = DEFAULT_SEPARATORS;

export function writeEdifactInterchange(envelope: OutboundInterchange, messages: OutboundMessage[]): string {
  // Syntax 4 gives UNA's fifth character a use, the repetition separator, and a date with the
  // century; before it the fifth character is a reserved space.
  const version4 = envelope.syntax.version === '4';
  const repetition = version4 ? '*' : ' ';
  const stamp = envelopeStamp(envelope.now);
  const party = (p: EnvelopeParty): string[] => [p.id, p.qualifier];
  const segments: OutboundSegment[] = [
    edifactSegment(
      'UNB',
      [envelope.syntax.identifier, envelope.syntax.version],
      party(envelope.sender),
      party(envelope.recipient),
      [version4 ? stamp.ccyymmdd : stamp.yymmdd, stamp.hhmm],
      envelope.controlReference,
      ...(envelope.test ? [undefined, undefined, undefined, undefined, undefined, '1'] : []), // 0035 test indicator
    ),
  ];
  for (const message of messages) {
    segments.push(edifactSegment('UNH', message.reference, message.identifier), ...message.body);
    segments.push(edifactSegment('UNT', String(message.body.length + 2), message.reference));
  }
  segments.push(edifactSegment('UNZ', String(messages.length), envelope.controlReference));

  const released = new Set([RELEASE, COMPONENT, ELEMENT, TERMINATOR, ...(version4 ? [repetition] : [])]);
  const escape = (value: string): string =>
    [...value].map((c) => (released.has(c) ? `${RELEASE}${c}` : c)).join('');
  const write = ({ tag, elements }: OutboundSegment): string => {
    const values = elements.map((element) => {
      const components = typeof element === 'string' || element === undefined ? [element] : [...element];
      return withoutTrailingEmpty(components.map((c) => escape(c ?? ''))).join(COMPONENT);
    });
    return `${[tag, ...withoutTrailingEmpty(values)].join(ELEMENT)}${TERMINATOR}`;
  };
  const serviceStringAdvice = `UNA${COMPONENT}${ELEMENT}.${RELEASE}${repetition}${TERMINATOR}`;
  return `${[serviceStringAdvice, ...segments.map(write)].join('\n')}\n`;
}

function withoutTrailingEmpty(values: string[]): string[] {
  let end = values.length;
  while (end > 0 && values[end - 1] === '') end--;
  return values.slice(0, end);
}
