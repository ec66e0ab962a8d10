import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import { useLoad } from '../components/use-load';
import { ErrorBox } from '../components/feedback';
import { uploadImport, type ImportReport } from './admin-api';
import './admin.css';

/** src/modules/imports/import-types.ts IMPORT_KINDS. */
export const IMPORT_KINDS = [
  'devices',
  'packaging',
  'customers',
  'licences',
  'price-lists',
  'warehouses',
  'opening-stock',
] as const;
const MODES = ['all-or-nothing', 'valid-rows'] as const;

/** Choose what the file holds and the file; check it (dry run) or import it; see the counts and each row in error. */
export function ImportScreen() {
  const { t } = useTranslation('admin');
  const [kind, setKind] = useState<string>('devices');
  const [mode, setMode] = useState<string>('all-or-nothing');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const recent = useLoad(
    () => api.get('/api/v1/imports', { query: { limit: 10 } }),
    [],
  );

  async function send(dryRun: boolean) {
    if (!file) return;
    setBusy(true);
    setError(null);
    setReport(null);
    try {
      const sent = await uploadImport(kind, file, { dryRun, mode });
      // The stored batch has the counts even when the import was refused as a whole.
      const batch = await api.get('/api/v1/imports/{id}', { path: { id: sent.batchId } });
      setReport({ ...batch, batchId: batch.id, failure: batch.failure ?? sent.failure });
      recent.reload();
    } catch (e) {
      setError(e as ApiError);
    } finally {
      setBusy(false);
    }
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(true);
  };
  return (
    <section>
      <h1>{t('imports.title')}</h1>
      <form className="stack" onSubmit={submit}>
        <div className="row">
          <label>
            {t('imports.kind')}
            <select name="kind" value={kind} onChange={(e) => setKind(e.target.value)}>
              {IMPORT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`imports.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('imports.mode')}
            <select name="mode" value={mode} onChange={(e) => setMode(e.target.value)}>
              {MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`imports.modes.${m}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('imports.file')}
            <input
              name="file"
              type="file"
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </label>
        </div>
        <div className="row">
          <button type="submit" name="dryRun" disabled={!file || busy}>
            {t('imports.dryRun')}
          </button>
          <button type="button" name="run" disabled={!file || busy} onClick={() => void send(false)}>
            {t('imports.run')}
          </button>
          {busy && <progress aria-label={t('imports.running')}>{t('imports.running')}</progress>}
        </div>
      </form>
      <ErrorBox error={error} />
      {report && <ImportResult report={report} />}
      <h2>{t('imports.recent')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('imports.file')}</th>
            <th>{t('imports.kind')}</th>
            <th>{t('imports.status')}</th>
            <th className="num">{t('imports.rows')}</th>
            <th className="num">{t('imports.failed')}</th>
          </tr>
        </thead>
        <tbody>
          {recent.data?.items.map((b) => (
            <tr key={b.id}>
              <td>{b.fileName}</td>
              <td>{t(`imports.kinds.${b.kind}`, { defaultValue: b.kind })}</td>
              <td>
                <span className="badge">{t(`imports.statuses.${b.status}`, { defaultValue: b.status })}</span>
              </td>
              <td className="num">{b.rowsTotal}</td>
              <td className="num">{b.rowsFailed}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ImportResult({ report: r }: { report: ImportReport }) {
  const { t } = useTranslation('admin');
  return (
    <div className="import-result" data-testid="import-result">
      <h2>
        {t(r.dryRun ? 'imports.resultDry' : 'imports.result')} ·{' '}
        {t(`imports.statuses.${r.status}`, { defaultValue: r.status })}
      </h2>
      <p role="status">
        {t('imports.counts', {
          total: r.rowsTotal,
          failed: r.rowsFailed,
          created: r.created,
          updated: r.updated,
          unchanged: r.unchanged,
        })}
      </p>
      {r.errors.length > 0 && (
        <>
          <table className="row-errors">
            <thead>
              <tr>
                <th className="num">{t('imports.row')}</th>
                <th>{t('imports.column')}</th>
                <th>{t('imports.value')}</th>
                <th>{t('imports.problem')}</th>
              </tr>
            </thead>
            <tbody>
              {r.errors.map((e, i) => (
                <tr key={i}>
                  <td className="num">{e.row}</td>
                  <td>{e.column ?? e.field ?? '—'}</td>
                  <td>{e.value ?? ''}</td>
                  <td>
                    {t(`errors.${e.code}`, { ns: 'translation', defaultValue: e.code })}: {e.message}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <a className="button" href={`/api/v1/imports/${r.batchId}/errors.csv`} download>
            {t('imports.downloadErrors')}
          </a>
        </>
      )}
    </div>
  );
}
