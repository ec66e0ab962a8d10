import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import { ErrorBox } from '../components/feedback';
import type { Packaging } from './admin-api';

const CLASSES = ['I', 'II', 'III'] as const;
const STORAGE = ['ambient', 'below_25C', '2-8C', 'frozen'] as const;
const TRACKING = ['lot', 'serial', 'lot_serial'] as const;
const LEVELS = ['each', 'box', 'case', 'pallet'] as const;
type Body = NonNullable<Parameters<typeof api.post<'/api/v1/devices'>>[1]>['body'];

const blankLevel = (level: string): Packaging => ({ level, gtin: '', quantity: level === 'each' ? 1 : 10, hibcc: null });

/** A new device with its registration and a GTIN per packaging level; the server checks every rule. */
export function DeviceCreate() {
  const { t } = useTranslation('admin');
  const navigate = useNavigate();
  const [f, setF] = useState({
    code: '',
    nameZh: '',
    nameEn: '',
    deviceClass: 'II',
    categoryCode: '',
    registrationNumber: '',
    registrationExpiresOn: '',
    storageCondition: 'ambient',
    trackingMode: 'lot',
    baseUnit: 'EA',
    shelfLifeDays: '730',
  });
  const [levels, setLevels] = useState<Packaging[]>([blankLevel('each')]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set =
    (k: keyof typeof f) =>
    ({ target: { value } }: { target: { value: string } }) =>
      setF((prev) => ({ ...prev, [k]: value }));
  const setLevel = (i: number, p: Partial<Packaging>) =>
    setLevels((prev) => prev.map((l, j) => (j === i ? { ...l, ...p } : l)));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const registered = f.deviceClass !== 'I';
    const body = {
      code: f.code,
      nameZh: f.nameZh,
      ...(f.nameEn ? { nameEn: f.nameEn } : {}),
      deviceClass: f.deviceClass,
      categoryCode: f.categoryCode,
      registrationKind: registered ? 'registration' : 'filing',
      ...(f.registrationNumber ? { registrationNumber: f.registrationNumber } : {}),
      ...(registered && f.registrationExpiresOn ? { registrationExpiresOn: f.registrationExpiresOn } : {}),
      storageCondition: f.storageCondition,
      trackingMode: f.trackingMode,
      baseUnit: f.baseUnit,
      ...(f.shelfLifeDays ? { shelfLifeDays: Number(f.shelfLifeDays) } : {}),
      packaging: levels.filter((l) => l.gtin).map(({ hibcc, ...l }) => ({ ...l, quantity: Number(l.quantity), ...(hibcc ? { hibcc } : {}) })),
    } as Body;
    try {
      const created = await api.post('/api/v1/devices', { body });
      navigate(`/admin/devices/${created.id}`);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  const text = (k: keyof typeof f, label: string, extra: Record<string, unknown> = {}) => (
    <label>
      {label}
      <input name={k} value={f[k]} onChange={set(k)} {...extra} />
    </label>
  );
  const pick = (k: keyof typeof f, label: string, values: readonly string[], prefix: string) => (
    <label>
      {label}
      <select name={k} value={f[k]} onChange={set(k)}>
        {values.map((v) => (
          <option key={v} value={v}>
            {prefix ? t(`${prefix}.${v}`) : v}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section>
      <h1>{t('devices.new')}</h1>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <div className="row">
          {text('code', t('devices.code'), { required: true })}
          {text('nameZh', t('devices.nameZh'), { required: true })}
          {text('nameEn', t('devices.nameEn'))}
        </div>
        <div className="row">
          {pick('deviceClass', t('devices.class'), CLASSES, '')}
          {text('categoryCode', t('devices.category'), { required: true, placeholder: '14-10-03' })}
          {text('registrationNumber', t('devices.registration'))}
          {f.deviceClass !== 'I' && text('registrationExpiresOn', t('devices.expires'), { type: 'date' })}
        </div>
        <div className="row">
          {pick('storageCondition', t('devices.storage'), STORAGE, 'storage')}
          {pick('trackingMode', t('devices.tracking'), TRACKING, 'tracking')}
          {text('baseUnit', t('devices.baseUnit'))}
          {text('shelfLifeDays', t('devices.shelfLife'), { type: 'number', min: 1 })}
        </div>
        <fieldset>
          <legend>{t('devices.packaging')}</legend>
          {levels.map((l, i) => (
            <div className="row" key={i}>
              <label>
                {t('devices.level')}
                <select
                  name={`level-${i}`}
                  value={l.level}
                  onChange={(e) => setLevel(i, { level: e.target.value })}
                >
                  {LEVELS.map((v) => (
                    <option key={v} value={v}>
                      {t(`level.${v}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('devices.gtin')}
                <input
                  name={`gtin-${i}`}
                  value={l.gtin}
                  onChange={(e) => setLevel(i, { gtin: e.target.value })}
                />
              </label>
              <label>
                {t('devices.perPackage')}
                <input
                  name={`quantity-${i}`}
                  type="number"
                  min={1}
                  value={l.quantity}
                  onChange={(e) => setLevel(i, { quantity: Number(e.target.value) })}
                />
              </label>
            </div>
          ))}
          {levels.length < LEVELS.length && (
            <button
              type="button"
              className="link"
              onClick={() => setLevels((prev) => [...prev, blankLevel(LEVELS[prev.length] ?? 'box')])}
            >
              + {t('devices.addLevel')}
            </button>
          )}
        </fieldset>
        <ErrorBox error={error} />
        <div>
          <button type="submit" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
