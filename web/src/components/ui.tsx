import type { ReactNode } from 'react';
import { ApiError, describeError } from '../api/client.js';
import type { Decision } from '../api/types.js';
import { formatScore } from '../lib/format.js';

const DECISION_LABEL: Record<Decision, string> = { clear: 'Clear', review: 'Review', match: 'Match' };

export function DecisionBadge({ decision }: { decision: Decision }) {
  return <span className={`badge badge--${decision}`}>{DECISION_LABEL[decision]}</span>;
}

export function Badge({ tone = 'neutral', children }: { tone?: 'neutral' | 'info' | 'good' | 'warn' | 'bad'; children: ReactNode }) {
  return <span className={`badge badge--${tone}`}>{children}</span>;
}

/** A score as a number and a bar; the number is what a screen reader reads. */
export function ScoreBar({ score, label = 'Score' }: { score: number; label?: string }) {
  const percent = Math.max(0, Math.min(1, score)) * 100;
  return (
    <span className="score">
      <span className="score__value">
        <span className="visually-hidden">{label} </span>
        {formatScore(score)}
      </span>
      <span className="score__bar" aria-hidden="true">
        <span className="score__fill" style={{ width: `${percent}%` }} />
      </span>
    </span>
  );
}

export function Loading({ label = 'Loading' }: { label?: string }) {
  return (
    <p className="muted" role="status">
      <span className="spinner" aria-hidden="true" /> {label}…
    </p>
  );
}

/** An API failure, said plainly; a capability not deployed on this server is not an error. */
export function ErrorNote({ error, what }: { error: unknown; what?: string }) {
  if (error instanceof ApiError && error.unavailable) {
    return (
      <div className="note note--info" role="status">
        {what ?? 'This part of Vigil'} is not available on this server yet.
      </div>
    );
  }
  if (error instanceof ApiError && error.forbidden) {
    return (
      <div className="note note--warn" role="status">
        Your roles do not allow this: {error.message}.
      </div>
    );
  }
  return (
    <div className="note note--error" role="alert">
      {what !== undefined ? `${what}: ` : ''}
      {describeError(error)}
    </div>
  );
}

export function Section({ title, id, children, actions }: { title: string; id?: string; children: ReactNode; actions?: ReactNode }) {
  const headingId = `${id ?? title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-heading`;
  return (
    <section className="panel" aria-labelledby={headingId}>
      <div className="panel__head">
        <h2 id={headingId}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** Definition list rows, skipping empty values. */
export function Facts({ rows }: { rows: Array<[string, ReactNode | undefined]> }) {
  const shown = rows.filter(([, value]) => value !== undefined && value !== null && value !== '');
  return (
    <dl className="facts">
      {shown.map(([term, value]) => (
        <div className="facts__row" key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
