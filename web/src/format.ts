/** Money arrives in integer minor units (DESIGN.md §9); shown with two decimals and the currency. */
export function money(
  minor: number | string | null | undefined,
  currency: string | null | undefined,
  lang: string,
): string {
  if (minor === null || minor === undefined || minor === '') return '—';
  const n = Number(minor) / 100;
  return new Intl.NumberFormat(lang, { style: 'currency', currency: currency || 'CNY' }).format(n);
}

export const dateTime = (iso: string | null | undefined, lang: string): string =>
  iso
    ? new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
    : '—';

export const day = (d: string | null | undefined): string => d ?? '—';

/** Days from today (UTC) to a YYYY-MM-DD date. */
export function daysUntil(date: string, today = new Date()): number {
  const t = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Math.round((Date.parse(`${date}T00:00:00Z`) - t) / 86_400_000);
}

/** Expiry colouring: expired, under 30 days, under 90 days, else fine. */
export function expiryClass(date: string, today = new Date()): 'expired' | 'exp30' | 'exp90' | 'ok' {
  const d = daysUntil(date, today);
  return d < 0 ? 'expired' : d < 30 ? 'exp30' : d < 90 ? 'exp90' : 'ok';
}
