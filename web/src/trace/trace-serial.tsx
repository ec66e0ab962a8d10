import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useLoad } from '../components/use-load';
import { ErrorBox, Loading, StatusBadge } from '../components/feedback';
import { NotFound } from '../screens/not-found';
import { dateTime } from '../format';
import type { SerialStep } from './trace-views';

/** One step of the timeline in words. */
function StepText({ step }: { step: SerialStep }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  if (step.kind === 'move')
    return (
      <>
        {t(`trace.move.${step.moveType}`, { defaultValue: step.moveType })} · {step.quantity} ·{' '}
        {[step.fromBin, step.toBin].filter(Boolean).join(' → ') || '—'} · {step.actor}
      </>
    );
  if (step.kind === 'pick')
    return (
      <>
        {t('trace.stepPick', {
          order: step.orderNumber,
          line: step.lineNo,
          bin: step.bin,
          by: step.pickedBy,
        })}
      </>
    );
  const c = step.customer;
  return (
    <>
      {t('trace.stepShip', {
        shipment: step.shipmentNumber,
        order: step.orderNumber,
        customer: `${c.code} ${zh ? c.nameZh : (c.nameEn ?? c.nameZh)}`,
      })}
      {step.returned > 0 && ` · ${t('trace.returned')} ${step.returned}`}
    </>
  );
}

/** A serial's life, oldest first: received, stored and moved, picked, shipped to its consignee, returned. */
export function TraceSerial() {
  const [search] = useSearchParams();
  const gtin = search.get('gtin') ?? '';
  const serial = search.get('serial') ?? '';
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const trace = useLoad(() => api.get('/api/v1/trace/serials', { query: { gtin, serial } }), [gtin, serial]);

  if (trace.error?.status === 404) return <NotFound />;
  const d = trace.data;
  return (
    <section>
      <ErrorBox error={trace.error} />
      <Loading when={trace.loading && !d} />
      {d && (
        <>
          <div className="title-row">
            <h1>{t('trace.serialTitle', { serial: d.serial })}</h1>
            <StatusBadge status={d.status} />
          </div>
          <dl className="facts">
            <dt>{t('order.device')}</dt>
            <dd>
              {d.device.code} {zh ? d.device.nameZh : (d.device.nameEn ?? d.device.nameZh)}
            </dd>
            <dt>{t('stock.lot')}</dt>
            <dd>{d.lot ? <Link to={`/trace/lots/${d.lot.id}`}>{d.lot.lotNumber}</Link> : '—'}</dd>
            <dt>UDI</dt>
            <dd>
              <code>{d.udi?.hri ?? '—'}</code>
            </dd>
            <dt>{t('stock.where')}</dt>
            <dd>{d.binCode ?? '—'}</dd>
          </dl>
          <ol className="timeline" data-testid="serial-history">
            {d.history.map((s, i) => (
              <li key={i}>
                <span className="muted">{dateTime(s.at, i18n.language)}</span> · <StepText step={s} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
