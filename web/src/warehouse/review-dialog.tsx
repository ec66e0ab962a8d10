import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import { ErrorBox } from '../components/feedback';
import type { PackageView } from './ship-views';

const MEANINGS = ['reviewed', 'approved'] as const;

interface Difference {
  lineNo: number;
  packed: number;
  checked: number;
}

/** Count per order line of what the package holds, for the reviewer to check against. */
const linesOf = (pkg: PackageView) => [...new Set(pkg.content.map((c) => c.lineNo))].sort((a, b) => a - b);

/**
 * The outbound review's electronic signature: the reviewer counts each line, names the meaning
 * and re-enters the password. The API refuses whoever picked units of the package; that refusal,
 * and counts that differ, are shown in the reviewer's language.
 */
export function ReviewDialog({ pkg, onClose }: { pkg: PackageView; onClose: (signed: boolean) => void }) {
  const { t } = useTranslation();
  const [meaning, setMeaning] = useState<string>('reviewed');
  const [password, setPassword] = useState('');
  const [counts, setCounts] = useState<Record<number, string>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const lines = linesOf(pkg);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    const counted = lines.filter((n) => counts[n] !== undefined && counts[n] !== '');
    try {
      await api.post('/api/v1/packages/{id}/review', {
        path: { id: pkg.id },
        body: {
          password,
          meaning,
          ...(counted.length
            ? { checked: counted.map((lineNo) => ({ lineNo, quantity: Number(counts[lineNo]) })) }
            : {}),
        },
      });
      onClose(true);
    } catch (err) {
      setError(err as ApiError);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  const details = error?.details as { reason?: string; differences?: Difference[] } | undefined;
  return (
    <div className="backdrop">
      <form
        className="dialog tablet"
        role="dialog"
        aria-modal="true"
        aria-labelledby="review-title"
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => e.key === 'Escape' && onClose(false)}
      >
        <h2 id="review-title">{t('ship.reviewTitle', { sscc: pkg.sscc })}</h2>
        <fieldset>
          <legend>{t('ship.counted')}</legend>
          {lines.map((n) => (
            <label key={n}>
              {t('ship.lineCount', { line: n })}
              <input
                name={`count-${n}`}
                type="number"
                inputMode="numeric"
                min={0}
                step={1}
                value={counts[n] ?? ''}
                onChange={({ target: { value } }) => setCounts((prev) => ({ ...prev, [n]: value }))}
              />
            </label>
          ))}
        </fieldset>
        <label>
          {t('sign.meaning')}
          <select name="meaning" value={meaning} onChange={(e) => setMeaning(e.target.value)}>
            {MEANINGS.map((m) => (
              <option key={m} value={m}>
                {t(`meaning.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('login.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            autoFocus
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <p className="muted small">{t('sign.notice')}</p>
        {details?.reason === 'reviewer_is_picker' ? (
          <div className="error" role="alert" data-testid="reviewer-is-picker">
            {t('ship.reviewerIsPicker')}
          </div>
        ) : (
          <ErrorBox error={error} />
        )}
        {details?.differences && (
          <ul className="alerts">
            {details.differences.map((d) => (
              <li key={d.lineNo}>{t('ship.difference', { ...d })}</li>
            ))}
          </ul>
        )}
        <div className="row">
          <button type="submit" disabled={busy}>
            {t('ship.sign')}
          </button>
          <button type="button" onClick={() => onClose(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
