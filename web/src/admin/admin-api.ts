import { ApiError } from '../api/client';

// What the master-data screens read from the API's answers (src/modules/*/ routes); only the fields used.

export interface PageOf<T> {
  items: T[];
  total: number;
}

export interface Packaging {
  level: string;
  gtin: string;
  quantity: number;
}

export interface DeviceRow {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string | null;
  deviceClass: string;
  categoryCode: string;
  registrationNumber: string | null;
  registrationExpiresOn: string | null;
  storageCondition: string;
  trackingMode: string;
  baseUnit: string;
  shelfLifeDays: number | null;
  coldChain: boolean;
  active: boolean;
  version: number;
  source: string;
}

export interface DeviceDetail extends DeviceRow {
  packaging: Packaging[];
}

export interface PartyRow {
  id: string;
  code: string;
  kind: string;
  customerType: string | null;
  nameZh: string;
  nameEn: string | null;
  creditLimitMinor: number | null;
  currency: string;
  paymentTermsDays: number | null;
  active: boolean;
}

export interface Licence {
  id: string;
  licenceType: string;
  number: string;
  deviceClasses: string[];
  validFrom: string;
  validTo: string | null;
  issuingAuthority: string | null;
}

export interface PartyDetail extends PartyRow {
  licences: Licence[];
}

export interface PriceList {
  id: string;
  code: string;
  name: string;
  currency: string;
  validFrom: string;
  validTo: string | null;
  customerId: string | null;
  active: boolean;
  lineCount: number;
}

export interface Contract {
  id: string;
  contractNo: string;
  customerId: string;
  currency: string;
  validFrom: string;
  validTo: string | null;
  discountPercent: string | null;
  priceCount: number;
  active: boolean;
}

export interface UserRow {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  roles: string[];
}

export interface RowError {
  row: number;
  column: string | null;
  field: string | null;
  value: string | null;
  code: string;
  message: string;
}

export interface ImportReport {
  batchId: string;
  kind: string;
  fileName: string;
  dryRun: boolean;
  status: string;
  failure: string | null;
  rowsTotal: number;
  rowsImported: number;
  rowsFailed: number;
  created: number;
  updated: number;
  unchanged: number;
  errorCount: number;
  errors: RowError[];
}

/** Turns an untyped answer into the shape the screen reads. */
export const as =
  <T>() =>
  (x: unknown): T =>
    x as T;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Sends a CSV or XLSX file as the raw body of POST /api/v1/imports/:kind. A failed all-or-nothing
 * import answers 4xx with the report in the error's details; both come back as a report.
 */
export async function uploadImport(
  kind: string,
  file: File,
  opts: { dryRun: boolean; mode: string },
): Promise<ImportReport> {
  const qs = new URLSearchParams({ dryRun: String(opts.dryRun), mode: opts.mode, fileName: file.name });
  const res = await fetch(`/api/v1/imports/${encodeURIComponent(kind)}?${qs}`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': /\.xlsx$/i.test(file.name) ? XLSX_TYPE : 'text/csv' },
    body: file,
  });
  const data = (await res.json().catch(() => null)) as
    | (ImportReport & {
        error?: { code: string; message: string; field?: string; details?: Partial<ImportReport> };
      })
    | null;
  if (res.ok && data) return data;
  const e = data?.error;
  if (e?.code === 'IMPORT_FAILED' && e.details?.batchId)
    return {
      batchId: e.details.batchId,
      kind,
      fileName: file.name,
      dryRun: opts.dryRun,
      status: 'failed',
      failure: e.message,
      rowsTotal: 0,
      rowsImported: 0,
      rowsFailed: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      errorCount: e.details.errorCount ?? e.details.errors?.length ?? 0,
      errors: e.details.errors ?? [],
    };
  throw new ApiError(res.status, e?.code ?? `HTTP_${res.status}`, e?.message ?? res.statusText, e?.field);
}
