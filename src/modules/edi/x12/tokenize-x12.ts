import { DomainError } from '../../../platform/errors.ts';

/**
 * Splits an X12 interchange into segments. X12 has no escape character: the ISA, which is fixed
 * width, declares the delimiters, and no data element may contain them.
 */

export interface X12Delimiters {
  element: string;
  component: string;
  segment: string;
}

export interface X12Segment {
  id: string;
  /** `elements[0]` is the segment's first element (BEG01); the id is not repeated here. */
  elements: string[];
  /** 0-based position among the interchange's segments. */
  index: number;
  /** Offsets into the text: the first character, and just past the terminator. */
  start: number;
  end: number;
}

export interface X12Tokens {
  delimiters: X12Delimiters;
  /** Characters from `I` of ISA to the segment terminator inclusive: 106 in a valid ISA. */
  isaLength: number;
  segments: X12Segment[];
}

const ISA_ELEMENT_COUNT = 16;
/** How far to look for the 16th separator: well past 106, so a too-long ISA is still reported by field. */
const ISA_SEARCH_LIMIT = 200;

const unreadable = (message: string): DomainError =>
  new DomainError('EDI_ENVELOPE_INVALID', `not a readable X12 interchange: ${message}`, { field: 'ISA' });

/** `text` must start with `ISA` (the caller strips a byte-order mark and leading blank lines). */
export function tokenizeX12(text: string): X12Tokens {
  const element = text[3];
  if (!text.startsWith('ISA') || element === undefined || /[\p{L}\p{N}\s]/u.test(element)) {
    throw unreadable('ISA is not followed by a data element separator');
  }
  // ISA04's separator is the 1st; ISA16, the component separator, follows the 16th.
  let separatorAt = 3;
  for (let found = 1; found < ISA_ELEMENT_COUNT; found++) {
    separatorAt = text.indexOf(element, separatorAt + 1);
    if (separatorAt === -1 || separatorAt > ISA_SEARCH_LIMIT)
      throw unreadable('the ISA has fewer than 16 elements');
  }
  const component = text[separatorAt + 1];
  const segment = text[separatorAt + 2];
  if (component === undefined || segment === undefined) throw unreadable('the file ends inside the ISA');

  return {
    delimiters: { element, component, segment },
    isaLength: separatorAt + 3,
    segments: splitSegments(text, segment, element),
  };
}

function splitSegments(text: string, terminator: string, elementSeparator: string): X12Segment[] {
  const segments: X12Segment[] = [];
  let start = 0;
  while (start < text.length) {
    const terminatorAt = text.indexOf(terminator, start);
    const end = terminatorAt === -1 ? text.length : terminatorAt + 1;
    const raw = text.slice(start, terminatorAt === -1 ? text.length : terminatorAt);
    // Blank text after the last terminator is not a segment; a last segment missing its
    // terminator is still read, as translators do.
    if (terminatorAt === -1 && raw.trim() === '') break;
    const [id = '', ...elements] = raw.split(elementSeparator);
    segments.push({ id, elements, index: segments.length, start, end });
    start = skipLineBreak(text, end);
  }
  return segments;
}

/** Many partners put a line break after each terminator (`~\n`, `~\r\n`); it is not data. */
function skipLineBreak(text: string, at: number): number {
  let next = at;
  while (text[next] === '\n' || text[next] === '\r') next++;
  return next;
}
