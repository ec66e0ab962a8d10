import { ApiError, type Answer } from '../api/client';

// What the master-data screens read: the answers the routes declare (src/modules/*/…-answer-schemas.ts),
// as generated into ../api/schema.d.ts.

/** A page of a list answer with items of another type (every list route answers this shape). */
export type PageOf<T> = Omit<Answer<'get', '/api/v1/devices'>, 'items'> & { items: T[] };

export type DeviceRow = Answer<'get', '/api/v1/devices'>['items'][number];
export type DeviceDetail = Answer<'get', '/api/v1/devices/{id}'>;
export type Packaging = DeviceDetail['packaging'][number];

export type PartyRow = Answer<'get', '/api/v1/parties'>['items'][number];
export type PartyDetail = Answer<'get', '/api/v1/parties/{id}'>;
export type Licence = PartyDetail['licences'][number];

export type PriceList = Answer<'get', '/api/v1/price-lists'>['items'][number];
export type Contract = Answer<'get', '/api/v1/contracts'>['items'][number];

export type UserRow = Answer<'get', '/api/v1/users'>['items'][number];

export type ImportReport = Answer<'post', '/api/v1/imports/{kind}'>;
export type RowError = ImportReport['errors'][number];

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
      mode: opts.mode,
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
