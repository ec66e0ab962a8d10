import { useTranslation } from 'react-i18next';
import type { OrderHold } from '../api/views';
import { dateTime } from '../format';

/** A hold with why it was placed (the rule and the facts it saw) and who may release it. */
export function HoldExplained({ hold }: { hold: OrderHold }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const reason = zh && hold.origin?.zh ? hold.origin.zh : hold.reason;
  return (
    <li className={`hold hold-${hold.status}`}>
      <strong>{t(`hold.${hold.type}`, { defaultValue: hold.type })}</strong> ·{' '}
      {t(`holdStatus.${hold.status}`, { defaultValue: hold.status })}
      <div>{reason}</div>
      {hold.origin?.rules?.map((r, i) => (
        <div key={i} className="muted small">
          {t('holds.rule')}: <code>{r.rule}</code>
          {r.lineNo ? ` · ${t('holds.line', { n: r.lineNo })}` : ''}
          {Object.entries(r.facts).map(
            ([k, v]) => ` · ${k} = ${t(`facts.${String(v)}`, { defaultValue: String(v) })}`,
          )}
        </div>
      ))}
      {hold.status === 'open' && hold.origin?.approvalRoles?.length ? (
        <div className="small">
          {t('holds.releasedBy', {
            roles: hold.origin.approvalRoles.map((r) => t(`role.${r}`, { defaultValue: r })).join('、'),
          })}
        </div>
      ) : null}
      <div className="muted small">
        {t('holds.placed', { who: hold.placedBy, at: dateTime(hold.placedAt, i18n.language) })}
        {hold.releasedAt
          ? ` · ${t('holds.released', { who: hold.releasedBy ?? '', at: dateTime(hold.releasedAt, i18n.language) })}`
          : ''}
        {hold.releaseNote ? ` · ${hold.releaseNote}` : ''}
      </div>
    </li>
  );
}
