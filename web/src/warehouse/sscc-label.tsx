import { useTranslation } from 'react-i18next';
import type { PackageView } from './ship-views';

/** The carton label as the bench prints it: SSCC in GS1 form (AI 00), order, units, weight. */
export function SsccLabel({ pkg }: { pkg: PackageView }) {
  const { t } = useTranslation();
  const units = pkg.content.reduce((n, c) => n + c.quantity, 0);
  return (
    <div className="sscc-label" data-testid="sscc-label">
      <div className="sscc">(00) {pkg.sscc}</div>
      <div>
        {pkg.orderNumber} · {t('ship.units', { count: units })} · {pkg.weightG ?? '—'} g · {pkg.lengthMm}×
        {pkg.widthMm}×{pkg.heightMm} mm
      </div>
    </div>
  );
}
