import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { ApiError } from '../api/client';
import type { Order, OrderLine } from '../api/views';
import type { Loaded } from '../components/use-load';
import { ErrorBox, Loading, StatusBadge } from '../components/feedback';
import { NotFound } from '../screens/not-found';
import './warehouse.css';

/** One column of the order's lines at the station. */
export interface LineColumn<L> {
  head: string;
  num?: boolean;
  cell: (line: L) => ReactNode;
}

export interface StationProps<L extends OrderLine> {
  order: Loaded<Order>;
  /** An error of what the screen loads besides the order. */
  alsoError: ApiError | null;
  title: (orderNumber: string) => string;
  /** The next or previous station of the same order. */
  link: { to: string; label: string };
  columns: LineColumn<L>[];
  rowClass?: (line: L) => string;
  heading: string;
  /** Units waiting at this station; none disables the form and says `nothingLeft`. */
  waiting: (lines: L[]) => number;
  nothingLeft: string;
  fields: ReactNode;
  submitLabel: string;
  /** The station's write; a refusal is shown under the form. */
  action: () => Promise<void>;
  /** What this station has done for the order so far. */
  children?: ReactNode;
}

/**
 * A station of the warehouse at a tablet (packing bench, shipping dock): the order's lines with
 * what is done and waiting, and one form that moves the waiting units on.
 */
export function OrderStation<L extends OrderLine>(p: StationProps<L>) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    try {
      await p.action();
      setError(null);
    } catch (err) {
      setError(err as ApiError);
    } finally {
      setBusy(false);
    }
  }

  if (p.order.error?.status === 404) return <NotFound />;
  const o = p.order.data;
  const lines = (o?.lines ?? []) as L[];
  const waiting = p.waiting(lines);
  return (
    <section className="tablet">
      <ErrorBox error={p.order.error ?? p.alsoError} />
      <Loading when={p.order.loading && !o} />
      {o && (
        <>
          <div className="title-row">
            <h1>{p.title(o.number)}</h1>
            <StatusBadge status={o.status} />
            <span className="spacer" />
            <Link className="button" to={p.link.to}>
              {p.link.label}
            </Link>
          </div>
          <table>
            <thead>
              <tr>
                {p.columns.map((c) => (
                  <th key={c.head} className={c.num ? 'num' : undefined}>
                    {c.head}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.lineNo} className={p.rowClass?.(l)}>
                  {p.columns.map((c) => (
                    <td key={c.head} className={c.num ? 'num' : undefined}>
                      {c.cell(l)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{p.heading}</h2>
          {waiting === 0 && <p className="muted">{p.nothingLeft}</p>}
          <form className="dims" onSubmit={(e) => void submit(e)}>
            {p.fields}
            <button type="submit" disabled={busy || waiting === 0}>
              {p.submitLabel}
            </button>
          </form>
          <ErrorBox error={error} />
          {p.children}
        </>
      )}
    </section>
  );
}
