/**
 * What a CONTRL says, limited to the codes Lotline emits: 0083 (action) and 0085 (syntax
 * error) from ISO 9735, and the findings that carry them at each level.
 */

/** 0083: 7 this level and all lower levels acknowledged; 4 this level and all lower rejected. */
export type ContrlAction = '4' | '7';

/** 0085 Syntax error, coded. */
export type ContrlErrorCode =
  | '2' // syntax version or level not supported
  | '12' // invalid value
  | '13' // missing
  | '14' // value not supported in this position
  | '15' // not supported in this position
  | '19' // invalid decimal notation: not the mark UNA declares
  | '26' // duplicate detected
  | '28' // references do not match
  | '29' // control count does not match number of instances received
  | '33' // invalid occurrence outside message, package or group
  | '35' // too many segment repetitions
  | '37' // invalid type of character(s): letters in a numeric element
  | '38' // missing digit in front of decimal sign
  | '39'; // data element too long

/** Where a finding points: a service segment tag and, when known, the element:component (S011). */
export interface ContrlFinding {
  code: ContrlErrorCode;
  tag: string;
  element?: number;
  component?: number;
  message: string;
}

/** UCD: an element of a segment in error, by position (S011 0098 : 0104). */
export interface ElementFinding {
  code: ContrlErrorCode;
  element: number;
  component?: number;
  message: string;
}

/**
 * UCS: a segment in error, or missing. The position counts UNH as 1; for a missing segment it
 * is the last segment read before the place where the missing one was due (ISO 9735-5).
 */
export interface SegmentFinding {
  position: number;
  tag: string;
  code?: ContrlErrorCode;
  elements: ElementFinding[];
  message: string;
}
