import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import { useLoad } from '../components/use-load';
import { ErrorBox, Loading } from '../components/feedback';
import { money } from '../format';
import { bi } from '../i18n/i18n';

export function PortalCart() {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const cart = useLoad(() => api.get('/api/v1/portal/cart'), []);
  const [externalPo, setExternalPo] = useState('');
  const [requestedDate, setRequestedDate] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function setQuantity(deviceId: string, uom: string, quantity: number) {
    try {
      await api.put('/api/v1/portal/cart/lines', { body: { deviceId, uom, quantity } });
      cart.reload();
    } catch (e) {
      setError(e as ApiError);
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      const placed = await api.post('/api/v1/portal/cart/submit', {
        body: { ...(externalPo ? { externalPo } : {}), ...(requestedDate ? { requestedDate } : {}) },
      });
      navigate(`/portal/orders/${placed.orderId}`);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  const c = cart.data;
  return (
    <section>
      <h1>{t('portal.cartTitle')}</h1>
      <ErrorBox error={error ?? cart.error} />
      <Loading when={cart.loading && !c} />
      {c && !c.lines.length && (
        <p className="muted">
          {t('portal.cartEmpty')} <Link to="/portal/catalogue">{t('nav.catalogue')}</Link>
        </p>
      )}
      {c && c.lines.length > 0 && (
        <form className="stack" onSubmit={(e) => void submit(e)}>
          <table>
            <thead>
              <tr>
                <th>{t('order.device')}</th>
                <th>{t('order.quantity')}</th>
                <th className="num">{t('portal.lineTotal')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {c.lines.map((l) => (
                <tr key={l.lineNo}>
                  <td>
                    {l.deviceCode} {lang.startsWith('zh') ? l.nameZh : (l.nameEn ?? l.nameZh)}
                    {l.problem && (
                      <div className="error small">
                        {typeof l.problem === 'string' ? l.problem : bi(l.problem, lang)}
                      </div>
                    )}
                  </td>
                  <td>
                    <input
                      aria-label={t('portal.quantityOf', { code: l.deviceCode })}
                      type="number"
                      min={1}
                      className="qty"
                      defaultValue={l.quantity}
                      onBlur={(e) =>
                        Number(e.target.value) !== l.quantity &&
                        void setQuantity(l.deviceId, l.uom, Number(e.target.value))
                      }
                    />{' '}
                    {l.uom}
                  </td>
                  <td className="num">{money(l.lineTotalMinor, c.currency, lang)}</td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => void setQuantity(l.deviceId, l.uom, 0)}
                    >
                      {t('common.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <strong data-testid="cart-total">
              {t('orders.total')}: {money(c.totalMinor, c.currency, lang)}
            </strong>
          </p>
          <div className="row">
            <label>
              {t('order.externalPo')}
              <input
                name="externalPo"
                maxLength={64}
                value={externalPo}
                onChange={(e) => setExternalPo(e.target.value)}
              />
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
          </div>
          <button type="submit" disabled={busy}>
            {t('portal.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
