import { isoFromCcyymmdd } from '../shared/dates.ts';
import type { Ak4Code, ElementError } from './ack-codes.ts';
import type { X12Segment } from './tokenize-x12.ts';

/**
 * Checks a segment's elements against its dictionary entry: presence, X12 data type, length,
 * code list, and the segment's syntax notes. Each failure becomes an AK4 / IK4.
 */

/** X12 data types: AN string, ID code, DT date CCYYMMDD, R decimal, N0 integer. */
export type X12ElementType = 'AN' | 'ID' | 'DT' | 'R' | 'N0';

export interface ElementRule {
  /** Data element reference number (AK402), e.g. `330` quantity ordered. */
  reference: string;
  type: X12ElementType;
  /** Minimum and maximum length; for R and N0 the digits, without sign and decimal point. */
  min: number;
  max: number;
  mandatory?: boolean;
  codes?: readonly string[];
}

export interface SegmentRule {
  /** How many elements the segment has in 004010 / 005010. */
  maxElements: number;
  elements: Readonly<Record<number, ElementRule>>;
  /** Syntax note P (paired): both elements present, or neither. */
  paired?: ReadonlyArray<readonly [number, number]>;
  /** Syntax note R (required): at least one of the elements present. */
  atLeastOne?: ReadonlyArray<readonly number[]>;
}

export function checkSegment(segment: X12Segment, rule: SegmentRule): ElementError[] {
  const name = (n: number): string => `${segment.id}${String(n).padStart(2, '0')}`;
  const value = (n: number): string => segment.elements[n - 1] ?? '';
  const errors: ElementError[] = [];
  const add = (position: number, reference: string, code: Ak4Code, message: string): void => {
    if (errors.some((e) => e.position === position)) return; // one error per element is enough
    errors.push({ position, reference, code, message, badValue: value(position) || undefined });
  };

  for (const [key, elementRule] of Object.entries(rule.elements)) {
    const position = Number(key);
    const problem = checkValue(value(position), elementRule);
    if (problem) add(position, elementRule.reference, problem.code, `${name(position)} ${problem.message}`);
  }
  for (const [first, second] of rule.paired ?? []) {
    const [present, missing] = value(first) ? [first, second] : [second, first];
    if (value(present) && !value(missing)) {
      add(
        missing,
        rule.elements[missing]?.reference ?? '',
        '2',
        `${name(missing)} is required with ${name(present)}`,
      );
    }
  }
  for (const positions of rule.atLeastOne ?? []) {
    const [first = 1] = positions;
    if (!positions.some((n) => value(n))) {
      const names = positions.map(name).join(' or ');
      add(first, rule.elements[first]?.reference ?? '', '2', `one of ${names} is required`);
    }
  }
  if (segment.elements.length > rule.maxElements) {
    const position = rule.maxElements + 1;
    add(
      position,
      '',
      '3',
      `${segment.id} has ${segment.elements.length} elements; it has at most ${rule.maxElements}`,
    );
  }
  return errors.sort((a, b) => a.position - b.position);
}

function checkValue(value: string, rule: ElementRule): { code: Ak4Code; message: string } | null {
  if (value === '') return rule.mandatory ? { code: '1', message: 'is missing' } : null;
  const problem = (code: Ak4Code, why: string): { code: Ak4Code; message: string } => ({
    code,
    message: `"${value}" ${why}`,
  });

  if (rule.type === 'R' && !/^-?(\d+\.?\d*|\.\d+)$/.test(value))
    return problem('6', 'is not a decimal number');
  if (rule.type === 'N0' && !/^-?\d+$/.test(value)) return problem('6', 'is not a whole number');
  if (/[\u0000-\u001f\u007f]/.test(value)) return problem('6', 'holds a control character');

  const length = rule.type === 'R' || rule.type === 'N0' ? value.replace(/[-.]/g, '').length : value.length;
  if (length < rule.min) return problem('4', `is shorter than ${rule.min}`);
  if (length > rule.max) return problem('5', `is longer than ${rule.max}`);
  if (rule.type === 'DT' && isoFromCcyymmdd(value) === null) return problem('8', 'is not a CCYYMMDD date');
  if (rule.codes && !rule.codes.includes(value))
    return problem('7', `is not one of ${rule.codes.join(', ')}`);
  return null;
}
