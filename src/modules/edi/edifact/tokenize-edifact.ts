import { DomainError } from '../../../platform/errors.ts';

/**
 * Splits an EDIFACT interchange into segments, elements and components. The separators come
 * from the UNA service string advice, or are the ISO 9735 defaults when there is none; the
 * release character makes the separator after it plain data (`O?'BRIEN`, `A?+B`).
 */

export interface EdifactSeparators {
  component: string;
  element: string;
  decimal: '.' | ',';
  /** Null when the UNA says no release character is used (a space in its place). */
  release: string | null;
  repetition: string;
  segment: string;
}

export interface EdifactSegment {
  tag: string;
  /** `elements[0]` is the first element after the tag; each element is its components. */
  elements: string[][];
  /** 0-based position among the interchange's segments (UNA is not a segment). */
  index: number;
  /** Offsets into the text: the first character, and just past the terminator. */
  start: number;
  end: number;
}

export interface EdifactTokens {
  separators: EdifactSeparators;
  segments: EdifactSegment[];
}

export const DEFAULT_SEPARATORS: EdifactSeparators = {
  component: ':',
  element: '+',
  decimal: '.',
  release: '?',
  repetition: ' ',
  segment: "'",
};

const unreadable = (message: string, field: string): DomainError =>
  new DomainError('EDI_ENVELOPE_INVALID', `not a readable EDIFACT interchange: ${message}`, { field });

/** `text` must start with UNA or UNB (the caller strips a byte-order mark and blank lines). */
export function tokenizeEdifact(text: string): EdifactTokens {
  const separators = text.startsWith('UNA') ? readServiceStringAdvice(text) : DEFAULT_SEPARATORS;
  const bodyStart = text.startsWith('UNA') ? skipLineBreaks(text, 9) : 0;
  return { separators, segments: splitSegments(text, bodyStart, separators) };
}

/** UNA then six characters: component, element, decimal mark, release, repetition, terminator. */
function readServiceStringAdvice(text: string): EdifactSeparators {
  const advice = [...text.slice(3, 9)];
  const [component = '', element = '', decimal = '', release = '', repetition = '', segment = ''] = advice;
  if (advice.length < 6) throw unreadable('the UNA is shorter than six characters', 'UNA');
  if (decimal !== '.' && decimal !== ',')
    throw unreadable(`UNA decimal mark "${decimal}" is neither "." nor ","`, 'UNA');
  const delimiters = [component, element, segment, ...(release === ' ' ? [] : [release])];
  if (new Set(delimiters).size !== delimiters.length || delimiters.some((c) => /[\p{L}\p{N} ]/u.test(c))) {
    throw unreadable(`UNA "${advice.join('')}" repeats a separator or uses a letter, digit or space`, 'UNA');
  }
  return { component, element, decimal, release: release === ' ' ? null : release, repetition, segment };
}

function splitSegments(text: string, bodyStart: number, separators: EdifactSeparators): EdifactSegment[] {
  const segments: EdifactSegment[] = [];
  let start = bodyStart;
  let elements: string[][] = [[]];
  let value = '';
  const finish = (end: number): void => {
    elements.at(-1)?.push(value);
    const [[tag = ''] = [], ...rest] = elements;
    segments.push({ tag, elements: rest, index: segments.length, start, end });
    elements = [[]];
    value = '';
  };

  let at = bodyStart;
  while (at < text.length) {
    const char = text.charAt(at);
    if (char === separators.release) {
      const released = text[at + 1];
      if (released === undefined) {
        throw new DomainError('EDI_SEGMENT_INVALID', 'the interchange ends with a release character', {
          field: 'UNZ',
        });
      }
      value += released;
      at += 2;
      continue;
    }
    if (char === separators.segment) {
      finish(at + 1);
      at = skipLineBreaks(text, at + 1);
      start = at;
      continue;
    }
    if (char === separators.component) {
      elements.at(-1)?.push(value);
      value = '';
    } else if (char === separators.element) {
      elements.at(-1)?.push(value);
      elements.push([]);
      value = '';
    } else {
      value += char;
    }
    at++;
  }
  // A last segment missing its terminator is still read, as translators do.
  if (text.slice(start).trim() !== '') finish(text.length);
  return segments;
}

/** Line breaks between segments are a courtesy to people; they are not part of the interchange. */
function skipLineBreaks(text: string, at: number): number {
  let next = at;
  while (text[next] === '\n' || text[next] === '\r') next++;
  return next;
}
