import { DomainError } from '../../platform/errors.ts';
import type { AiDefinition } from './ai-spec.ts';
import { findAi, findAiAt } from './ai-table.ts';

/** The GS1 separator: FNC1 as a scanner transmits it, ASCII 29 (Group Separator). */
export const GS = '\x1d';

export interface ElementText {
  definition: AiDefinition;
  data: string;
}

/**
 * Splits a raw GS1 element string (as a scanner sends it) into AI and data. A predefined-length
 * AI takes its fixed length; any other runs to the next GS or the end. The data is not yet
 * checked beyond what splitting needs. A GS right after a predefined-length element or at the
 * very end is accepted, as printers commonly emit one there.
 */
export function splitRawElementString(text: string): ElementText[] {
  const elements: ElementText[] = [];
  let position = text.startsWith(GS) ? 1 : 0; // FNC1 in first position marks a GS1 symbol
  while (position < text.length) {
    const definition = findAiAt(text, position);
    if (!definition) throw unreadableAi(text, position);
    const start = position + definition.ai.length;
    const end = dataEnd(text, start, definition);
    elements.push({ definition, data: text.slice(start, end) });
    position = text.charAt(end) === GS ? end + 1 : end;
  }
  return elements;
}

function dataEnd(text: string, start: number, definition: AiDefinition): number {
  const field = `ai.${definition.ai}`;
  const label = `AI (${definition.ai}) ${definition.title}`;
  if (definition.predefinedLength !== undefined) {
    const end = start + definition.predefinedLength;
    // Only this element's own span is searched, so splitting stays linear in the scan's length.
    const span = text.slice(start, end);
    const cut = span.indexOf(GS);
    const available = cut < 0 ? span.length : cut;
    if (available < definition.predefinedLength) {
      throw new DomainError(
        'SCAN_BAD_LENGTH',
        `${label} takes exactly ${definition.predefinedLength} characters, got ${available}`,
        { field },
      );
    }
    return end;
  }
  const separator = text.indexOf(GS, start);
  const end = separator < 0 ? text.length : separator;
  // A fixed-length AI outside the predefined table still needs its GS: more data means it is missing.
  if (definition.minLength === definition.maxLength && end - start > definition.maxLength) {
    throw new DomainError(
      'SCAN_MISSING_SEPARATOR',
      `${label} is ${definition.maxLength} characters and must be followed by GS before the next AI`,
      { field },
    );
  }
  return end;
}

function unreadableAi(text: string, position: number): DomainError {
  const digits = /^\d{2,4}/.exec(text.slice(position, position + 4))?.[0];
  if (digits) {
    return new DomainError(
      'SCAN_UNKNOWN_AI',
      `no GS1 Application Identifier starts with "${digits}" (position ${position})`,
      { field: 'ai' },
    );
  }
  const rest = text.slice(position, position + 10).replaceAll(GS, '<GS>');
  return new DomainError(
    'SCAN_TRAILING_DATA',
    `cannot read an Application Identifier from "${rest}" (position ${position})`,
    { field: 'ai' },
  );
}

/** An AI in parentheses, as printed under the barcode: "(01)". */
const HRI_AI = /\((\d+)\)/g;

/**
 * Splits the human-readable form "(01)09506000134352(17)261231(10)ABC". Each "(digits)" opens an
 * element; whitespace around the parentheses is ignored, as GS1 characters never include it. A
 * "(digits)" inside data cannot be told from an AI, so it is read as one.
 */
export function splitHriElementString(text: string): ElementText[] {
  const tokens = [...text.matchAll(HRI_AI)];
  if (tokens[0]?.index !== 0) {
    throw new DomainError(
      'SCAN_UNKNOWN_FORMAT',
      'a human-readable GS1 string starts with an AI in parentheses, e.g. (01)',
      { field: 'scan' },
    );
  }
  return tokens.map((token, i) => {
    const ai = token[1] ?? '';
    const definition = findAi(ai);
    if (!definition) {
      throw new DomainError('SCAN_UNKNOWN_AI', `(${ai}) is not a GS1 Application Identifier`, {
        field: `ai.${ai}`,
      });
    }
    const end = tokens[i + 1]?.index ?? text.length;
    return { definition, data: text.slice(token.index + token[0].length, end).trim() };
  });
}
