import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import { useLoad } from '../components/use-load';
import { Empty, ErrorBox, Loading } from '../components/feedback';

type ContractBody = NonNullable<Parameters<typeof api.post<'/api/v1/contracts'>>[1]>['body'];
type ListBody = NonNullable<Parameters<typeof api.post<'/api/v1/price-lists'>>[1]>['body'];
const today = () => new Date().toISOString().slice(0, 10);

/** Price lists and customer contracts, with a short form to add either (lines and prices come by import). */
export function PricingView() {
  const { t } = useTranslation('admin');
  const lists = useLoad(
    () => api.get('/api/v1/price-lists', { query: { limit: 200 } }),
    [],
  );
  const contracts = useLoad(
    () => api.get('/api/v1/contracts', { query: { limit: 200 } }),
    [],
  );
  const customers = useLoad(
    () =>
      api.get('/api/v1/parties', { query: { kind: 'customer', limit: 200 } }),
    [],
  );
  const nameOf = (id: string | null) =>
    customers.data?.items.find((c) => c.id === id)?.nameZh ??
    (id ? id.slice(0, 8) : t('pricing.everyCustomer'));
  const [error, setError] = useState<ApiError | null>(null);
  const [pl, setPl] = useState({ code: '', name: '', currency: 'CNY', validFrom: today() });
  const [ct, setCt] = useState({ contractNo: '', customerId: '', validFrom: today(), discountPercent: '' });

  async function save(e: FormEvent, write: () => Promise<unknown>, after: () => void) {
    e.preventDefault();
    setError(null);
    try {
      await write();
      after();
    } catch (err) {
      setError(err as ApiError);
    }
  }
  return (
    <section>
      <h1>{t('pricing.title')}</h1>
      <ErrorBox error={lists.error ?? contracts.error ?? error} />
      <h2>{t('pricing.priceLists')}</h2>
      <Loading when={lists.loading && !lists.data} />
      <table>
        <thead>
          <tr>
            <th>{t('pricing.code')}</th>
            <th>{t('pricing.name')}</th>
            <th>{t('pricing.currency')}</th>
            <th>{t('pricing.valid')}</th>
            <th>{t('pricing.customer')}</th>
            <th className="num">{t('pricing.lines')}</th>
          </tr>
        </thead>
        <tbody>
          {lists.data?.items.map((l) => (
            <tr key={l.id}>
              <td>{l.code}</td>
              <td>{l.name}</td>
              <td>{l.currency}</td>
              <td>
                {l.validFrom} – {l.validTo ?? '…'}
              </td>
              <td>{nameOf(l.customerId)}</td>
              <td className="num">{l.lineCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Empty when={lists.data?.items.length === 0} />
      <form
        className="inline-form"
        aria-label={t('pricing.newList')}
        onSubmit={(e) =>
          void save(
            e,
            () => api.post('/api/v1/price-lists', { body: pl as ListBody }),
            () => {
              setPl((prev) => ({ ...prev, code: '', name: '' }));
              lists.reload();
            },
          )
        }
      >
        <input
          name="plCode"
          aria-label={t('pricing.code')}
          placeholder={t('pricing.code')}
          value={pl.code}
          onChange={({ target: { value } }) => setPl((prev) => ({ ...prev, code: value }))}
          required
        />
        <input
          name="plName"
          aria-label={t('pricing.name')}
          placeholder={t('pricing.name')}
          value={pl.name}
          onChange={({ target: { value } }) => setPl((prev) => ({ ...prev, name: value }))}
          required
        />
        <input
          name="plCurrency"
          aria-label={t('pricing.currency')}
          value={pl.currency}
          onChange={({ target: { value } }) => setPl((prev) => ({ ...prev, currency: value }))}
          size={4}
        />
        <input
          name="plFrom"
          aria-label={t('customers.validFrom')}
          type="date"
          value={pl.validFrom}
          onChange={({ target: { value } }) => setPl((prev) => ({ ...prev, validFrom: value }))}
        />
        <button type="submit">{t('pricing.newList')}</button>
      </form>

      <h2>{t('pricing.contracts')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('pricing.contractNo')}</th>
            <th>{t('pricing.customer')}</th>
            <th>{t('pricing.currency')}</th>
            <th>{t('pricing.valid')}</th>
            <th className="num">{t('pricing.discount')}</th>
            <th className="num">{t('pricing.prices')}</th>
          </tr>
        </thead>
        <tbody>
          {contracts.data?.items.map((c) => (
            <tr key={c.id}>
              <td>{c.contractNo}</td>
              <td>{nameOf(c.customerId)}</td>
              <td>{c.currency}</td>
              <td>
                {c.validFrom} – {c.validTo ?? '…'}
              </td>
              <td className="num">{c.discountPercent ? `${c.discountPercent} %` : '—'}</td>
              <td className="num">{c.priceCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Empty when={contracts.data?.items.length === 0} />
      <form
        className="inline-form"
        aria-label={t('pricing.newContract')}
        onSubmit={(e) =>
          void save(
            e,
            () =>
              api.post('/api/v1/contracts', {
                body: {
                  contractNo: ct.contractNo,
                  customerId: ct.customerId,
                  validFrom: ct.validFrom,
                  ...(ct.discountPercent ? { discountPercent: ct.discountPercent } : {}),
                } as ContractBody,
              }),
            () => {
              setCt((prev) => ({ ...prev, contractNo: '', discountPercent: '' }));
              contracts.reload();
            },
          )
        }
      >
        <input
          name="contractNo"
          aria-label={t('pricing.contractNo')}
          placeholder={t('pricing.contractNo')}
          value={ct.contractNo}
          onChange={({ target: { value } }) => setCt((prev) => ({ ...prev, contractNo: value }))}
          required
        />
        <select
          name="contractCustomer"
          aria-label={t('pricing.customer')}
          value={ct.customerId}
          onChange={({ target: { value } }) => setCt((prev) => ({ ...prev, customerId: value }))}
          required
        >
          <option value="">{t('pricing.customer')}</option>
          {customers.data?.items.map((c) => (
            <option key={c.id} value={c.id}>
              {c.code} {c.nameZh}
            </option>
          ))}
        </select>
        <input
          name="contractFrom"
          aria-label={t('customers.validFrom')}
          type="date"
          value={ct.validFrom}
          onChange={({ target: { value } }) => setCt((prev) => ({ ...prev, validFrom: value }))}
        />
        <input
          name="discountPercent"
          aria-label={t('pricing.discount')}
          placeholder={t('pricing.discount')}
          value={ct.discountPercent}
          onChange={({ target: { value } }) => setCt((prev) => ({ ...prev, discountPercent: value }))}
          size={6}
        />
        <button type="submit">{t('pricing.newContract')}</button>
      </form>
    </section>
  );
}
