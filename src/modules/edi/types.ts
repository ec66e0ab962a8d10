/**
 * The neutral shapes of the EDI layer: what an X12 850 or an EDIFACT ORDERS becomes once parsed,
 * and what the 855 / ORDRSP generators take. Nothing here belongs to one standard; the code that
 * reads or writes a standard lives in `x12/` and `edifact/`.
 */

export type EdiStandard = 'X12' | 'EDIFACT';

/** A party as the interchange envelope names it: ISA05/ISA06, ISA07/ISA08, UNB S002, UNB S003. */
export interface EnvelopeParty {
  qualifier: string;
  id: string;
}

/** How the id of a buyer or ship-to party is to be read, whatever the standard's own qualifier. */
export type PartyIdScheme = 'GLN' | 'DUNS' | 'DUNS+4' | 'BUYER_ASSIGNED' | 'SELLER_ASSIGNED' | 'OTHER';

/** A party named inside the order (N1 / NAD). A party may carry only a name, or only an id. */
export interface OrderParty {
  id?: string;
  /** The qualifier as sent: N103 (`UL`, `1`, `92` …) or NAD 3055 (`9`, `16`, `92` …). */
  qualifier?: string;
  scheme?: PartyIdScheme;
  name?: string;
}

/** BEG01 / BGM 1225, for the purposes Lotline takes; anything else is rejected in the ack. */
export type OrderPurpose = 'original' | 'cancellation' | 'change' | 'replace' | 'confirmation' | 'duplicate';

export interface ParsedOrderLine {
  /** PO101 / LIN 1082 as sent ("1", "0010" …); the partner expects it back in the 855 / ORDRSP. */
  lineNo: string;
  /** Whole units of `uom` (or of the packaging level the GTIN names when no uom is sent). */
  quantity: number;
  uom?: string;
  /** Decimal string with `.` as the mark, exactly the precision sent; never a float. */
  unitPrice?: string;
  /** GTIN-14, left-padded from GTIN-8/12/13. */
  gtin?: string;
  buyerItem?: string;
  vendorItem?: string;
  requestedDate?: string;
  /** A ship-to given on the line itself (N1 in the PO1 loop, NAD in the LIN group). */
  shipTo?: OrderParty;
}

/** Where the order sits in the file, so the caller can store its raw source. */
export interface OrderSource {
  /** 0-based index of the ST / UNH segment among the interchange's segments. */
  firstSegment: number;
  /** 0-based index of the SE / UNT segment. */
  lastSegment: number;
  /** The text from ST to SE (UNH to UNT) inclusive, as received. */
  text: string;
}

export interface ParsedOrder {
  poNumber: string;
  purpose: OrderPurpose;
  /** YYYY-MM-DD, as every date in this module. */
  orderDate: string;
  requestedDate?: string;
  currency?: string;
  buyer?: OrderParty;
  shipTo?: OrderParty;
  sender: EnvelopeParty;
  receiver: EnvelopeParty;
  /** The interchange control number (ISA13 / UNB 0020): with `sender`, the duplicate key. */
  controlNumber: string;
  /** The transaction set / message control number (ST02 / UNH 0062). */
  messageControlNumber: string;
  /** `004010`, `005010` (X12) or the directory, e.g. `D96A` (EDIFACT): the version to answer in. */
  version: string;
  /** ISA15 `T` / UNB 0035 `1`: the partner marked the interchange as a test. */
  test: boolean;
  lines: ParsedOrderLine[];
  source: OrderSource;
}

/**
 * What the acknowledgement says as a whole. `accepted_with_errors` still yields every order (an
 * X12 set with only unrecognised segments is `AK5*E`); `partially_rejected` and `rejected` mean
 * the partner must resend the rejected sets.
 */
export type EdiOutcome = 'accepted' | 'accepted_with_errors' | 'partially_rejected' | 'rejected';

/** One problem the acknowledgement reports, in words, for people and logs. */
export interface EdiIssue {
  level: 'interchange' | 'group' | 'message' | 'segment' | 'element';
  /** The control number of that level: ISA13, GS06, ST02, UNB 0020 or UNH 0062. */
  reference: string;
  /** The code as the ack carries it at that level: TA105, AK9, AK5, AK3, AK4 (IK…), or EDIFACT 0085. */
  code: string;
  message: string;
}

export interface EdiParseResult {
  standard: EdiStandard;
  /** Orders of the accepted sets / messages only; a rejected one will be sent again. */
  orders: ParsedOrder[];
  /** The 997 / 999 (with TA1 when due) or CONTRL interchange to send back. */
  ack: string;
  outcome: EdiOutcome;
  issues: EdiIssue[];
}

export interface EdiParseOptions {
  /** Control number of the ack interchange (ISA13 and GS06, or UNB 0020), from the caller's sequence. */
  ackControlNumber: string | number;
  now: Date;
}

/** ACK01 IA / IQ / IR / DR; LIN 1229 5 / 3 / 7 / 3 in an ORDRSP. */
export type LineAckStatus = 'accepted' | 'quantity_changed' | 'rejected' | 'date_rescheduled';

export interface PoAckLine {
  lineNo: string;
  orderedQty: number;
  acceptedQty: number;
  uom: string;
  unitPrice: string;
  /** YYYY-MM-DD ship date promised; required unless the line is rejected. */
  promisedDate?: string;
  gtin?: string;
  status: LineAckStatus;
}

/** Neutral input of the purchase order acknowledgement (X12 855, EDIFACT ORDRSP). */
export interface PoAckInput {
  poNumber: string;
  /** YYYY-MM-DD, the order date of the PO acknowledged. */
  poDate: string;
  lines: PoAckLine[];
  /** Us, as the partner knows us: usually the `receiver` of the parsed order. */
  sender: EnvelopeParty;
  /** The partner: usually the `sender` of the parsed order. */
  receiver: EnvelopeParty;
  controlNumber: string | number;
  now: Date;
  /** `ParsedOrder.version`; the X12 default is 004010 and the EDIFACT default D96A. */
  version?: string;
  test?: boolean;
}
