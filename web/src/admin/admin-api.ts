import { ApiError, type Answer } from '../api/client';

// What the master-data screens read: the answers the routes declare (src/modules/*/…-answer-schemas.ts),
// as generated into ../api/schema.d.ts.

export type Packaging = Answer<'get', '/api/v1/devices/{id}'>['packaging'][number];

export type ImportReport = Answer<'post', '/api/v1/imports/{kind}'>;

type RuleSets = Answer<'get', '/api/v1/rule-sets'>;
export type RuleSetRow = RuleSets['items'][number];
export type Rule = RuleSets['builtIn']['rules'][number];
export type DryRun = Answer<'post', '/api/v1/rule-sets/{id}/dry-run'>;

export type WorkflowStep = Answer<'get', '/api/v1/workflows'>['items'][number]['steps'][number];

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
