/**
 * The one error type of Lotline. Every failure a user can see carries a stable `code` from this
 * table; the API, the CLI and the UI all show the same code. Each entry says when it is thrown.
 */
export const ERROR_CODES = {
  // --- input and protocol --------------------------------------------------------------------
  VALIDATION_FAILED: { status: 400, note: 'a field of the request is missing, of the wrong type or out of range' },
  INVALID_JSON: { status: 400, note: 'the request body is not valid JSON' },
  PAYLOAD_TOO_LARGE: { status: 413, note: 'the request body exceeds the configured limit' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, note: 'the request body has a content type the route does not take' },
  NOT_FOUND: { status: 404, note: 'no such record, or it belongs to another organisation' },
  ROUTE_NOT_FOUND: { status: 404, note: 'no such API route' },
  CONFLICT: { status: 409, note: 'the record was changed by someone else or already exists' },
  DUPLICATE: { status: 409, note: 'a record with the same natural key already exists' },
  IDEMPOTENCY_KEY_REUSED: { status: 409, note: 'the Idempotency-Key was used before with another request body' },
  INVALID_STATE: { status: 409, note: 'the command is not allowed in the record’s current state' },
  RATE_LIMITED: { status: 429, note: 'too many requests from this client' },

  // --- authentication and authorisation --------------------------------------------------------
  UNAUTHENTICATED: { status: 401, note: 'no valid session cookie or API token was presented' },
  INVALID_CREDENTIALS: { status: 401, note: 'username or password is wrong' },
  ACCOUNT_LOCKED: { status: 423, note: 'too many failed logins; the account is locked for a while' },
  ACCOUNT_DISABLED: { status: 403, note: 'the user account is disabled' },
  FORBIDDEN: { status: 403, note: 'the user’s roles lack the permission the route declares' },
  CROSS_SITE_REQUEST: { status: 403, note: 'a write came from another site’s page (its Origin is not this server): refused as CSRF' },
  WEAK_PASSWORD: { status: 400, note: 'the new password does not meet the password policy' },
  SIGNATURE_INVALID: { status: 401, note: 'an electronic signature was refused (wrong password)' },

  // --- integrity -------------------------------------------------------------------------------
  AUDIT_CHAIN_BROKEN: { status: 500, note: 'audit verification found a record whose hash does not match' },
  WRITE_WITHOUT_AUDIT: { status: 500, note: 'a write transaction tried to commit without an audit record (a bug)' },
  DATA_DIR_LOCKED: { status: 500, note: 'another Lotline process holds the embedded data directory' },
  ENCRYPTION_KEY_MISSING: { status: 500, note: 'a sensitive field was read or written without the key that encrypts it' },
  DATABASE_UNAVAILABLE: { status: 503, note: 'the database cannot be reached' },
  INTERNAL: { status: 500, note: 'an unexpected failure; the request id finds it in the log' },

  // --- master data and compliance --------------------------------------------------------------
  GTIN_INVALID: { status: 400, note: 'a GTIN has the wrong length, non-digits or a wrong check digit' },
  GTIN_TAKEN: { status: 409, note: 'the GTIN is already a packaging level of another device or level' },
  REGISTRATION_EXPIRED: { status: 422, note: 'the device’s NMPA registration certificate has expired on the date asked' },
  REGISTRATION_MISSING: { status: 422, note: 'a class II/III device has no registration certificate number' },
  LICENCE_MISSING: { status: 422, note: 'the customer holds no licence that covers the device class' },
  LICENCE_EXPIRED: { status: 422, note: 'the customer’s licence has expired (or is not yet valid) on the date asked' },
  LICENCE_SCOPE: { status: 422, note: 'the customer’s licence does not cover the device class or category code' },
  SUPPLIER_NOT_QUALIFIED: { status: 422, note: 'a supplier’s licence is missing, expired or does not cover the device it would be bought from (details.reason)' },
  STORAGE_MISMATCH: { status: 422, note: 'a zone’s storage condition does not match the device (cold chain …)' },
  PRICE_NOT_FOUND: { status: 422, note: 'no price list or contract gives a price for the device, customer and date' },
  PRICE_BELOW_FLOOR: { status: 422, note: 'a price is below the device’s floor price' },
  IMPORT_FAILED: { status: 422, note: 'an import had rows in error and nothing was imported (all-or-nothing mode, or no valid row)' },
  IMPORT_FORMAT: { status: 400, note: 'an import file is not CSV/XLSX, or lacks a required column' },

  // --- inventory and fulfilment --------------------------------------------------------------
  LOT_NOT_RELEASED: { status: 422, note: 'the lot is in quarantine, blocked or rejected: it cannot be allocated, picked or shipped' },
  LOT_RECALLED: { status: 422, note: 'the lot is recalled: nothing of it may be allocated, picked or shipped' },
  LOT_EXPIRED: { status: 422, note: 'the lot is expired on the ship date' },
  SHELF_LIFE_TOO_SHORT: { status: 422, note: 'the lot leaves less shelf life than the customer requires' },
  INSUFFICIENT_STOCK: { status: 409, note: 'not enough free stock of the lot at the location for the move' },
  SCAN_WRONG_DEVICE: { status: 422, note: 'the scanned unit is another device or packaging level than the pick line' },
  SCAN_WRONG_LOT: { status: 422, note: 'the scanned lot is neither allocated nor a FEFO-valid substitute' },
  SERIAL_UNAVAILABLE: { status: 422, note: 'the scanned serial is unknown, already picked or already shipped' },
  UNIT_NOT_BOUND: { status: 422, note: 'a shipment unit is not bound to a lot (or a serial where tracked)' },
  DOCUMENTS_MISSING: { status: 422, note: 'a shipped lot lacks the release documents (certificate of conformity …)' },
  REVIEW_REQUIRED: { status: 422, note: 'the outbound review (出库复核) is required before shipping' },
  RETURN_NOT_AUTHORISED: { status: 422, note: 'a returned unit or quantity was not shipped to that customer, is already returned or authorised, or is not on the RMA' },

  // --- UDI / barcode scans ---------------------------------------------------------------------
  SCAN_EMPTY: { status: 400, note: 'the scan holds no data' },
  SCAN_UNKNOWN_FORMAT: { status: 400, note: 'the scan is neither a GS1 element string nor HIBCC' },
  SCAN_UNKNOWN_AI: { status: 400, note: 'a GS1 Application Identifier is not in the GS1 table' },
  SCAN_BAD_CHECK_DIGIT: { status: 400, note: 'a GTIN/SSCC/GLN check digit or the HIBCC check character is wrong' },
  SCAN_BAD_DATE: { status: 400, note: 'a date field is impossible (month 13, day 32, 30 February …)' },
  SCAN_BAD_LENGTH: { status: 400, note: 'a fixed-length field is short, or a variable field is over its maximum' },
  SCAN_BAD_CHARSET: { status: 400, note: 'a field holds characters its AI or HIBCC field does not allow' },
  SCAN_MISSING_SEPARATOR: { status: 400, note: 'a variable-length field is not ended by GS before the next AI' },
  SCAN_PAIRING: { status: 400, note: 'an AI appears without the AI it requires (lot without GTIN …) or twice' },
  SCAN_TRAILING_DATA: { status: 400, note: 'the scan has data the parser could not consume' },
  SCAN_UNKNOWN_GTIN: { status: 404, note: 'the scanned GTIN is not a packaging level of any device' },

  // --- EDI -------------------------------------------------------------------------------------
  EDI_UNKNOWN_STANDARD: { status: 400, note: 'the file is neither an X12 interchange (ISA) nor EDIFACT (UNA/UNB)' },
  EDI_ENVELOPE_INVALID: { status: 400, note: 'an interchange/group/set envelope or its control counts do not match' },
  EDI_SEGMENT_INVALID: { status: 400, note: 'a segment or element is missing, malformed or not allowed' },
  EDI_DUPLICATE_INTERCHANGE: { status: 409, note: 'the same sender and control number was already received' },
  EDI_UNKNOWN_PARTNER: { status: 422, note: 'the sender id (GLN/DUNS/partner id) maps to no customer' },
} as const satisfies Record<string, { status: number; note: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string; details?: unknown };
}

export class DomainError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, opts: { field?: string; details?: unknown; cause?: unknown } = {}) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'DomainError';
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }

  toBody(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code, message: this.message };
    if (this.field !== undefined) error.field = this.field;
    if (this.details !== undefined) error.details = this.details;
    return { error };
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;

/** Shorthands for the errors every module throws. */
export const notFound = (entity: string, id: string): DomainError =>
  new DomainError('NOT_FOUND', `${entity} ${id} not found`, { details: { entity, id } });

export const invalid = (field: string, message: string): DomainError =>
  new DomainError('VALIDATION_FAILED', `${field}: ${message}`, { field });
