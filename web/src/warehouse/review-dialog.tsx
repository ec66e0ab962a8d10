import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { ErrorBox } from '../components/feedback';
import { SignatureDialog } from '../components/signature-dialog';
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
  const [counts, setCounts] = useState<Record<number, string>>({});
  const lines = linesOf(pkg);

  async function sign({ password }: { password: string }) {
    const counted = lines.filter((n) => counts[n] !== undefined && counts[n] !== '');
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
  }

  return (
    <SignatureDialog
      title={t('ship.reviewTitle', { sscc: pkg.sscc })}
      className="tablet"
      meanings={MEANINGS}
      meaning={meaning}
      onMeaning={setMeaning}
      focusPassword
      submitLabel={t('ship.sign')}
      sign={sign}
      onClose={onClose}
      renderError={(error) => {
        const details = error.details as { reason?: string; differences?: Difference[] } | undefined;
        return (
          <>
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
          </>
        );
      }}
    >
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
    </SignatureDialog>
  );
}
