import {
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/client';
import { ErrorBox } from './feedback';

export interface Credentials {
  username: string;
  password: string;
}

interface Props {
  title: string;
  className?: string;
  /** The meanings the signer may choose from, and the chosen one. */
  meanings: readonly string[];
  meaning: string;
  onMeaning: (meaning: string) => void;
  /** Whether the signer re-enters the user name too (§11.200(a)(1)(i): the first signing of a session). */
  askUsername?: boolean;
  /** Give the password field the focus at first (else the first field of `children` that asks for it). */
  focusPassword?: boolean;
  submitLabel: string;
  /** The signed write; a refusal is shown in the dialog and the password cleared. */
  sign: (credentials: Credentials) => Promise<unknown>;
  onClose: (signed: boolean) => void;
  /** How a refusal is shown, where a screen says more than the error box. */
  renderError?: (error: ApiError) => ReactNode;
  /** Fields above the meaning (what is decided or counted). */
  children?: ReactNode;
  /** Fields below the password (a comment). */
  after?: ReactNode;
}

const FOCUSABLE =
  'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled)';

/** The dialog's fields in Tab order; of a radio group only the checked radio (or the first) takes a stop. */
function tabStops(root: HTMLElement): HTMLElement[] {
  const all = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)];
  return all.filter((el) => {
    if (!(el instanceof HTMLInputElement) || el.type !== 'radio') return true;
    const group = all.filter(
      (o) => o instanceof HTMLInputElement && o.type === 'radio' && o.name === el.name,
    );
    const checked = group.find((o) => (o as HTMLInputElement).checked);
    return el === (checked ?? group[0]);
  });
}

/**
 * The electronic signature (21 CFR Part 11 §11.50, §11.200): the signer names what the signature
 * means and re-enters the password (and user name where asked); the server checks them and records
 * the signature. A modal dialog: the focus stays inside while it is open, Escape cancels, and the
 * focus goes back to what opened it.
 */
export function SignatureDialog(p: Props) {
  const { t } = useTranslation();
  const titleId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  // Read while rendering, before a field of the dialog takes the focus.
  const [opener] = useState(() => document.activeElement as HTMLElement | null);

  useEffect(() => {
    if (!form.current?.contains(document.activeElement)) tabStops(form.current!)[0]?.focus();
    return () => opener?.focus();
  }, [opener]);

  function keepFocusInside(e: KeyboardEvent) {
    if (e.key === 'Escape') return p.onClose(false);
    if (e.key !== 'Tab') return;
    const stops = tabStops(form.current!);
    const edge = e.shiftKey ? stops[0] : stops[stops.length - 1];
    if (document.activeElement === edge) {
      e.preventDefault();
      (e.shiftKey ? stops[stops.length - 1] : stops[0])?.focus();
    }
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await p.sign({ username, password });
      p.onClose(true);
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
        ref={form}
        className={p.className ? `dialog ${p.className}` : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onSubmit={(e) => void submit(e)}
        onKeyDown={keepFocusInside}
      >
        <h2 id={titleId}>{p.title}</h2>
        {p.children}
        <label>
          {t('sign.meaning')}
          <select name="meaning" value={p.meaning} onChange={(e) => p.onMeaning(e.target.value)}>
            {p.meanings.map((m) => (
              <option key={m} value={m}>
                {t(`meaning.${m}`)}
              </option>
            ))}
          </select>
        </label>
        {p.askUsername && (
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
        )}
        <label>
          {t('login.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            autoFocus={p.focusPassword}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {p.after}
        <p className="muted small">{t('sign.notice')}</p>
        {error && p.renderError ? p.renderError(error) : <ErrorBox error={error} />}
        <div className="row">
          <button type="submit" disabled={busy}>
            {p.submitLabel}
          </button>
          <button type="button" onClick={() => p.onClose(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
