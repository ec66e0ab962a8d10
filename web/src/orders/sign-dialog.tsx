import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type ApiError } from '../api/client';
import type { InboxTask } from '../api/views';
import { ErrorBox } from '../components/feedback';
import { bi } from '../i18n/i18n';

const MEANINGS = ['released', 'approved', 'reviewed', 'rejected'] as const;
type Meaning = (typeof MEANINGS)[number];

/**
 * The electronic signature (21 CFR Part 11 §11.50, §11.200): the signer names what the signature
 * means and re-enters user name and password; the server checks both and records the signature.
 */
export function SignDialog({ task, onClose }: { task: InboxTask; onClose: (signed: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const [decision, setDecision] = useState<'approve' | 'reject'>('approve');
  const [meaning, setMeaning] = useState<Meaning>('released');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [comment, setComment] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  function choose(d: 'approve' | 'reject') {
    setDecision(d);
    setMeaning(d === 'reject' ? 'rejected' : 'released');
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await api.post('/api/v1/approvals/tasks/{taskId}/decide', {
        path: { taskId: task.taskId },
        body: { decision, meaning, username, password, ...(comment ? { comment } : {}) },
      });
      onClose(true);
    } catch (err) {
      setError(err as ApiError);
      setPassword('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="backdrop">
      <form
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="sign-title"
        onSubmit={(e) => void submit(e)}
        onKeyDown={(e) => e.key === 'Escape' && onClose(false)}
      >
        <h2 id="sign-title">{t('sign.title', { number: task.order?.number ?? '' })}</h2>
        {task.hold && (
          <p>
            {t(`hold.${task.hold.type}`)}: {bi(task.hold.reason, i18n.language)}
          </p>
        )}
        <fieldset>
          <legend>{t('sign.decision')}</legend>
          <label className="inline">
            <input
              type="radio"
              name="decision"
              checked={decision === 'approve'}
              onChange={() => choose('approve')}
              autoFocus
            />
            {t('sign.approve')}
          </label>
          <label className="inline">
            <input
              type="radio"
              name="decision"
              checked={decision === 'reject'}
              onChange={() => choose('reject')}
            />
            {t('sign.reject')}
          </label>
        </fieldset>
        <label>
          {t('sign.meaning')}
          <select name="meaning" value={meaning} onChange={(e) => setMeaning(e.target.value as Meaning)}>
            {MEANINGS.filter((m) => (decision === 'reject') === (m === 'rejected')).map((m) => (
              <option key={m} value={m}>
                {t(`meaning.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('login.username')}
          <input
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          {t('login.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        <label>
          {t('sign.comment')}
          <textarea
            name="comment"
            maxLength={1000}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </label>
        <p className="muted small">{t('sign.notice')}</p>
        <ErrorBox error={error} />
        <div className="row">
          <button type="submit" disabled={busy}>
            {t('sign.submit')}
          </button>
          <button type="button" onClick={() => onClose(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
