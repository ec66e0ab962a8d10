import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import type { OrderLine } from '../api/views';
import { useLoad } from '../components/use-load';
import { StatusBadge } from '../components/feedback';
import { OrderStation } from './order-station';
import { SsccLabel } from './sscc-label';

type Line = OrderLine & { picked: number; packed: number };
const FIELDS = ['weightG', 'lengthMm', 'widthMm', 'heightMm'] as const;
type Field = (typeof FIELDS)[number];

/**
 * Packing at the bench: the order's picked units not yet packed go into one carton with its gross
 * weight and dimensions; the carton gets an SSCC, shown as its label. The packages packed here
 * stay listed (in the address, so a reload or a colleague's screen shows them too) with a link
 * to their outbound review.
 */
export function PackOrder() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const [search, setSearch] = useSearchParams();
  const order = useLoad(() => api.get('/api/v1/orders/{id}', { path: { id } }), [id]);
  const packed = (search.get('pkg') ?? '').split(',').filter(Boolean);
  const packages = useLoad(
    () => Promise.all(packed.map((p) => api.get('/api/v1/packages/{id}', { path: { id: p } }))),
    [search.get('pkg')],
  );
  const [dims, setDims] = useState<Record<Field, string>>({
    weightG: '',
    lengthMm: '',
    widthMm: '',
    heightMm: '',
  });

  async function pack() {
    const body = Object.fromEntries(FIELDS.map((f) => [f, Number(dims[f])])) as Record<Field, number>;
    const p = await api.post('/api/v1/orders/{id}/packages', { path: { id }, body });
    setSearch({ pkg: [...packed, p.id].join(',') });
    order.reload();
  }

  return (
    <OrderStation<Line>
      order={order}
      alsoError={packages.error}
      title={(number) => t('ship.packTitle', { number })}
      link={{ to: `/warehouse/orders/${id}/ship`, label: t('ship.toShip') }}
      columns={[
        { head: '#', cell: (l) => l.lineNo },
        {
          head: t('order.device'),
          cell: (l) => `${l.deviceCode} ${zh ? l.deviceNameZh : (l.deviceNameEn ?? l.deviceNameZh)}`,
        },
        { head: t('ship.picked'), num: true, cell: (l) => l.picked },
        { head: t('ship.packed'), num: true, cell: (l) => l.packed },
        { head: t('ship.toPackCount'), num: true, cell: (l) => l.picked - l.packed },
      ]}
      rowClass={(l) => (l.picked > 0 && l.picked === l.packed ? 'done' : '')}
      heading={t('ship.newPackage')}
      waiting={(lines) => lines.reduce((n, l) => n + l.picked - l.packed, 0)}
      nothingLeft={t('ship.nothingToPack')}
      submitLabel={t('ship.pack')}
      action={pack}
      fields={FIELDS.map((f) => (
        <label key={f}>
          {t(`ship.${f}`)}
          <input
            name={f}
            type="number"
            inputMode="numeric"
            min={1}
            step={1}
            required
            value={dims[f]}
            onChange={({ target: { value } }) => setDims((prev) => ({ ...prev, [f]: value }))}
          />
        </label>
      ))}
    >
      {packages.data && packages.data.length > 0 && (
        <>
          <h2>{t('ship.packagesHere')}</h2>
          <ul className="stack" data-testid="packages">
            {packages.data.map((p) => (
              <li key={p.id}>
                <SsccLabel pkg={p} />
                <StatusBadge status={`pkg-${p.status}`} />{' '}
                <Link className="button" to={`/warehouse/packages/${p.id}`}>
                  {t('ship.openReview')}
                </Link>
              </li>
            ))}
          </ul>
        </>
      )}
    </OrderStation>
  );
}
