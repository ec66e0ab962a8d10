/**
 * The code lists an X12 acknowledgement speaks, limited to the codes Lotline emits. The 999
 * (005010X231) reuses the 997 values in IK304 / IK403 / IK502.
 */

/** TA105 Interchange Note Code (I18): why the interchange envelope (ISA/IEA) was refused. */
export type Ta1NoteCode =
  | '000' // no error
  | '001' // interchange control number in header (ISA13) and trailer (IEA02) do not match
  | '003' // this version of the controls (ISA12) is not supported
  | '004' // the segment terminator is invalid
  | '005' // invalid interchange ID qualifier for sender (ISA05)
  | '006' // invalid interchange sender ID (ISA06)
  | '007' // invalid interchange ID qualifier for receiver (ISA07)
  | '008' // invalid interchange receiver ID (ISA08)
  | '010' // invalid authorization information qualifier (ISA01)
  | '011' // invalid authorization information (ISA02)
  | '012' // invalid security information qualifier (ISA03)
  | '013' // invalid security information (ISA04)
  | '014' // invalid interchange date (ISA09)
  | '015' // invalid interchange time (ISA10)
  | '016' // invalid interchange standards identifier / repetition separator (ISA11)
  | '017' // invalid interchange version ID (ISA12)
  | '018' // invalid interchange control number (ISA13)
  | '019' // invalid acknowledgment requested (ISA14)
  | '020' // invalid test indicator (ISA15)
  | '021' // invalid number of included groups (IEA01)
  | '023' // improper (premature) end of file: no IEA
  | '024' // invalid interchange content: a segment other than GS or IEA at interchange level
  | '027'; // invalid component element separator (ISA16)

/** AK304 / IK304 Segment Syntax Error Code (720). */
export type Ak3Code =
  | '1' // unrecognized segment ID
  | '2' // unexpected segment
  | '3' // mandatory segment missing
  | '8'; // segment has data element errors

/** AK403 / IK403 Data Element Syntax Error Code (723). */
export type Ak4Code =
  | '1' // mandatory data element missing
  | '2' // conditional required data element missing
  | '3' // too many data elements
  | '4' // data element too short
  | '5' // data element too long
  | '6' // invalid character in data element
  | '7' // invalid code value
  | '8'; // invalid date

/** AK502–AK506 / IK502–IK506 Transaction Set Syntax Error Code (718). */
export type Ak5Code =
  | '1' // transaction set not supported
  | '2' // transaction set trailer (SE) missing
  | '3' // transaction set control number in header (ST02) and trailer (SE02) do not match
  | '4' // number of included segments (SE01) does not match actual count
  | '5' // one or more segments in error
  | '6' // missing or invalid transaction set identifier (ST01)
  | '7' // missing or invalid transaction set control number (ST02)
  | '23'; // transaction set control number not unique within the functional group

/** AK905–AK909 Functional Group Syntax Error Code (716). */
export type Ak9Code =
  | '1' // functional group not supported (GS01)
  | '2' // functional group version not supported (GS08)
  | '3' // functional group trailer (GE) missing
  | '4' // group control number in header (GS06) and trailer (GE02) do not agree
  | '5'; // number of included transaction sets (GE01) does not match actual count

/** AK501 / IK501: accepted, accepted but errors were noted, rejected. */
export type SetAckStatus = 'A' | 'E' | 'R';

/** AK901: as AK501, plus P — partially accepted, at least one set was rejected. */
export type GroupAckStatus = 'A' | 'E' | 'P' | 'R';

export interface ElementError {
  /** Position of the element in its segment, 1-based (AK401 / IK401). */
  position: number;
  /** Data element reference number from the X12 dictionary (AK402 / IK402), e.g. 330 for quantity. */
  reference: string;
  code: Ak4Code;
  /** The element as received, for AK404 / IK404; absent when the element is missing. */
  badValue?: string;
  message: string;
}

export interface SegmentError {
  segmentId: string;
  /** Position in the set, ST = 1 (AK302 / IK302). */
  position: number;
  /** The loop the segment opens or sits in (AK303 / IK303), when it sits in one. */
  loopId?: string;
  code: Ak3Code;
  elements: ElementError[];
  message: string;
}

/** A set-, group- or interchange-level finding: one code and what it means here. */
export interface EnvelopeFinding<C extends string> {
  code: C;
  message: string;
}
