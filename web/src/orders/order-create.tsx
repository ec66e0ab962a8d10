import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import type { QuoteLine } from '../api/views';
import { useLoad } from '../components/use-load';
import { ErrorBox } from '../components/feedback';
import { money } from '../format';
import { bi } from '../i18n/i18n';

interface DraftLine {
  deviceId: string;
  quantity: number;
}

/** A new order, priced live as it is typed (POST /api/v1/pricing/quote), then placed. */
export function OrderCreate() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const customers = useLoad(
    () => api.get('/api/v1/parties', { query: { kind: 'customer', active: true, limit: 200 } }),
    [],
  );
  const devices = useLoad(() => api.get('/api/v1/devices', { query: { active: true, limit: 200 } }), []);
  const [customerId, setCustomerId] = useState('');
  const [requestedDate, setRequestedDate] = useState('');
  const [externalPo, setExternalPo] = useState('');
  const [lines, setLines] = useState<DraftLine[]>([{ deviceId: '', quantity: 1 }]);
  const [quote, setQuote] = useState<{ currency: string; lines: QuoteLine[] } | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const priced = lines.filter((l) => l.deviceId && l.quantity > 0);
  const quoteKey = JSON.stringify([customerId, priced]);
  useEffect(() => {
    if (!customerId || !priced.length) return setQuote(null);
    // A slower answer to an earlier draft must not overwrite the price of the current one.
    let current = true;
    const timer = setTimeout(() => {
      api.post('/api/v1/pricing/quote', { body: { customerId, lines: priced } }).then(
        (q) => current && setQuote(q),
        (e: ApiError) => current && setError(e),
      );
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [quoteKey]);

  // Functional update: a quantity typed before the device choice has re-rendered must not undo it.
  const setLine = (i: number, patch: Partial<DraftLine>) =>
    setLines((prev) => prev.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const quoted = (i: number) => quote?.lines[priced.indexOf(lines[i]!)];
  const total = quote?.lines.reduce((n, l) => n + (l.unitPriceMinor ?? 0) * l.quantity, 0) ?? null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const placed = await api.post('/api/v1/orders', {
        body: {
          customerId,
          lines: priced,
          ...(requestedDate ? { requestedDate } : {}),
          ...(externalPo ? { externalPo } : {}),
        },
      });
      navigate(`/orders/${placed.id}`);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section>
      <h1>{t('create.title')}</h1>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <div className="row">
          <label>
            {t('orders.customer')}
            <select
              name="customerId"
              required
              value={customerId}
              onChange={(e) => setCustomerId(e.target.value)}
            >
              <option value="">{t('create.pickCustomer')}</option>
              {customers.data?.items.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.code} {lang === 'en' ? (c.nameEn ?? c.nameZh) : c.nameZh}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('order.requested')}
            <input
              type="date"
              name="requestedDate"
              value={requestedDate}
              onChange={(e) => setRequestedDate(e.target.value)}
            />
          </label>
          <label>
            {t('order.externalPo')}
            <input
              name="externalPo"
              maxLength={64}
              value={externalPo}
              onChange={(e) => setExternalPo(e.target.value)}
            />
          </label>
        </div>
        <table>
          <thead>
            <tr>
              <th>{t('order.device')}</th>
              <th>{t('order.quantity')}</th>
              <th className="num">{t('order.unitPrice')}</th>
              <th>{t('order.priceWhy')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {lines.map((l, i) => {
              const q = quoted(i);
              return (
                <tr key={i}>
                  <td>
                    <select
                      aria-label={t('order.device')}
                      name={`device-${i}`}
                      value={l.deviceId}
                      onChange={(e) => setLine(i, { deviceId: e.target.value })}
                    >
                      <option value="">{t('create.pickDevice')}</option>
                      {devices.data?.items.map((d) => (
                        <option key={d.id} value={d.id}>
                          {d.code} {lang === 'en' ? (d.nameEn ?? d.nameZh) : d.nameZh}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <input
                      aria-label={t('order.quantity')}
                      name={`quantity-${i}`}
                      type="number"
                      min={1}
                      value={l.quantity}
                      onChange={(e) => setLine(i, { quantity: Number(e.target.value) })}
                    />
                  </td>
                  <td className="num" data-testid={`price-${i}`}>
                    {q ? money(q.unitPriceMinor, q.currency, lang) : '—'}
                  </td>
                  <td className="small">
                    {q
                      ? bi(q.explanation, lang) || t(`priceSource.${q.source}`, { defaultValue: q.source })
                      : ''}
                    {q?.belowFloor ? ` · ${t('create.belowFloor')}` : ''}
                  </td>
                  <td>
                    {lines.length > 1 && (
                      <button
                        type="button"
                        className="link"
                        onClick={() => setLines((prev) => prev.filter((_, j) => j !== i))}
                      >
                        {t('common.remove')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <div className="row">
          <button type="button" onClick={() => setLines((prev) => [...prev, { deviceId: '', quantity: 1 }])}>
            {t('create.addLine')}
          </button>
          <span className="spacer" />
          <strong data-testid="order-total">
            {t('orders.total')}: {total === null ? '—' : money(total, quote?.currency, lang)}
          </strong>
        </div>
        <ErrorBox error={error} />
        <button type="submit" disabled={busy || !customerId || !priced.length}>
          {t('create.submit')}
        </button>
      </form>
    </section>
  );
}
