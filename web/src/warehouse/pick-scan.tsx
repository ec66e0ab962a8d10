import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api/client';
import { useLoad } from '../components/use-load';
import { ErrorBox, Loading, StatusBadge } from '../components/feedback';
import { NotFound } from '../screens/not-found';

interface Answer {
  n: number;
  scan: string;
  accept: boolean;
  text: string;
}

/**
 * Scan-to-pick for a keyboard-wedge scanner: the scanner types the label and Enter into the scan
 * field, which keeps the focus; each scan is answered at once, accepted or refused with the reason,
 * in the picker's language. Scans are sent one after another in the order they were read.
 */
export function PickScan() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const list = useLoad(() => api.get('/api/v1/pick-lists/{id}', { path: { id } }), [id]);
  const [scan, setScan] = useState('');
  const [answers, setAnswers] = useState<Answer[]>([]);
  const field = useRef<HTMLInputElement>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const count = useRef(0);

  useEffect(() => field.current?.focus(), [list.data]);
  // A click beside the field must not lose the scanner's next label; Tab to another control may.
  const keepFocus = () => {
    if (document.activeElement === document.body && document.hasFocus()) field.current?.focus();
  };

  function submit(e: FormEvent) {
    e.preventDefault();
    const text = scan.trim();
    setScan('');
    if (!text) return;
    const n = ++count.current;
    queue.current = queue.current.then(async () => {
      let answer: Answer;
      try {
        const picked = await api.post('/api/v1/pick-lists/{id}/scans', {
          path: { id },
          body: { scan: text },
        });
        const line = list.data?.lines.find((l) => l.id === picked.lineId);
        answer = {
          n,
          scan: text,
          accept: true,
          text: t(picked.substitute ? 'pick.acceptedSubstitute' : 'pick.accepted', {
            device: line?.deviceCode ?? '',
            qty: picked.quantity,
            line: line?.lineNo ?? '',
          }),
        };
        list.reload();
      } catch (err) {
        const e = err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err));
        answer = {
          n,
          scan: text,
          accept: false,
          text: refusalText(e, zh) || t(`errors.${e.code}`, { defaultValue: e.message }),
        };
      }
      setAnswers((a) => [answer, ...a].slice(0, 20));
    });
  }

  if (list.error?.status === 404) return <NotFound />;
  const l = list.data;
  const last = answers[0];
  return (
    <section>
      <ErrorBox error={list.error} />
      <Loading when={list.loading && !l} />
      {l && (
        <>
          <div className="title-row">
            <h1>{t('pick.title', { number: l.number })}</h1>
            <StatusBadge status={`pick-${l.status}`} />
            <span className="muted">{l.warehouseCode}</span>
          </div>
          <form className="scan" onSubmit={submit}>
            <label>
              {t('pick.scan')}
              <input
                ref={field}
                name="scan"
                autoComplete="off"
                autoFocus
                value={scan}
                onChange={(e) => setScan(e.target.value)}
                onBlur={() => requestAnimationFrame(keepFocus)}
              />
            </label>
          </form>
          {last && (
            <div
              className={`scan-result ${last.accept ? 'scan-accept' : 'scan-refuse'}`}
              role="status"
              aria-live="assertive"
              data-accept={last.accept}
            >
              {last.accept ? '✔ ' : '✖ '}
              {last.text}
            </div>
          )}
          <table>
            <thead>
              <tr>
                <th>{t('stock.where')}</th>
                <th>{t('order.device')}</th>
                <th>{t('stock.lot')}</th>
                <th>{t('stock.expires')}</th>
                <th>{t('orders.number')}</th>
                <th className="num">{t('pick.progress')}</th>
              </tr>
            </thead>
            <tbody>
              {l.lines.map((x) => (
                <tr key={x.id} className={x.picked >= x.quantity ? 'done' : ''}>
                  <td>{x.binCode}</td>
                  <td>
                    {x.deviceCode} {zh ? x.deviceNameZh : (x.deviceNameEn ?? x.deviceNameZh)}
                  </td>
                  <td>{x.lotNumber}</td>
                  <td>{x.expiresOn}</td>
                  <td>
                    {x.orderNumber} #{x.lineNo}
                  </td>
                  <td className="num">
                    {x.picked} / {x.quantity}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('pick.recent')}</h2>
          <ol className="timeline">
            {answers.map((a) => (
              <li key={a.n} className={a.accept ? '' : 'refused'}>
                <code>{a.scan}</code> · {a.text}
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

/** A refused scan carries its reason in both languages (details.messageZh / messageEn). */
function refusalText(e: ApiError, zh: boolean): string {
  const d = e.details as { messageZh?: string; messageEn?: string } | undefined;
  return (zh ? d?.messageZh : d?.messageEn) ?? '';
}
