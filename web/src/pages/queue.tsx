import { useId, type ChangeEvent } from 'react';
import { api } from '../api/client.js';
import { OUTCOME_LABEL, PRIORITIES, subjectNames, type CasePage } from '../api/cases.js';
import { CHANNELS } from '../api/types.js';
import { useAuth } from '../auth.js';
import { Badge, DecisionBadge, Empty, ErrorNote, Loading, ScoreBar } from '../components/ui.js';
import { formatAge, formatDateTime, humanise, plural, who } from '../lib/format.js';
import { usePageTitle, useResource } from '../lib/hooks.js';
import { Link, useRouter } from '../router.js';

const PAGE_SIZE = 25;

/** Age filter choices: query values to minAgeHours/maxAgeHours. */
const AGES: Record<string, { label: string; min?: number; max?: number }> = {
  '': { label: 'Any age' },
  lt1h: { label: 'Under 1 hour', max: 1 },
  lt24h: { label: 'Under 24 hours', max: 24 },
  gt24h: { label: 'Over 24 hours', min: 24 },
  gt72h: { label: 'Over 3 days', min: 72 },
};

const FILTERS = ['status', 'decision', 'channel', 'port', 'age', 'owner', 'priority', 'awaiting'] as const;
type FilterKey = (typeof FILTERS)[number];

export const PRIORITY_TONE = { critical: 'bad', high: 'warn', medium: 'info', low: 'neutral' } as const;

export function QueuePage() {
  const heading = usePageTitle('Review queue');
  const me = useAuth().principal?.id;
  const { search, navigate } = useRouter();
  const formId = useId();
  const value = (key: FilterKey): string => search.get(key) ?? (key === 'status' ? 'open' : '');
  const offset = Number(search.get('offset') ?? '0') || 0;
  const age = AGES[value('age')] ?? AGES[''];
  const query = {
    status: value('status') === 'any' ? undefined : value('status'),
    decision: value('decision') || undefined,
    channel: value('channel') || undefined,
    port: value('port').trim() || undefined,
    owner: value('owner') || undefined,
    priority: value('priority') || undefined,
    awaitingConfirmation: value('awaiting') === 'true' ? 'true' : undefined,
    minAgeHours: age?.min,
    maxAgeHours: age?.max,
    limit: PAGE_SIZE,
    offset,
  };
  const key = JSON.stringify(query);
  const page = useResource(key, (signal) => api<CasePage>('/v1/cases', { query, signal }));

  const set = (name: FilterKey | 'offset', next: string): void => {
    const params = new URLSearchParams(search);
    if (next === '' || (name === 'offset' && next === '0')) params.delete(name);
    else params.set(name, next);
    if (name !== 'offset') params.delete('offset');
    const text = params.toString();
    navigate(`/queue${text === '' ? '' : `?${text}`}`, { replace: true });
  };
  const onSelect = (name: FilterKey) => (event: ChangeEvent<HTMLSelectElement | HTMLInputElement>) => set(name, event.target.value);
  const total = page.data?.total ?? 0;

  return (
    <div className="page">
      <div className="page__head">
        <h1 ref={heading} tabIndex={-1}>
          Review queue
        </h1>
        <p className="lede">Cases opened by screenings and vetting alerts that were not clear, most urgent first.</p>
      </div>
      <form className="filters panel" aria-label="Filter the queue" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor={`${formId}-status`}>Status</label>
          <select id={`${formId}-status`} value={value('status')} onChange={onSelect('status')}>
            <option value="open">Open</option>
            <option value="decided">Decided</option>
            <option value="closed">Closed</option>
            <option value="any">Any</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-decision`}>Decision</label>
          <select id={`${formId}-decision`} value={value('decision')} onChange={onSelect('decision')}>
            <option value="">Any</option>
            <option value="match">Match</option>
            <option value="review">Review</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-channel`}>Channel</label>
          <select id={`${formId}-channel`} value={value('channel')} onChange={onSelect('channel')}>
            <option value="">Any</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {humanise(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-port`}>Port</label>
          <input id={`${formId}-port`} type="text" value={value('port')} onChange={onSelect('port')} placeholder="Any" autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor={`${formId}-age`}>Age</label>
          <select id={`${formId}-age`} value={value('age')} onChange={onSelect('age')}>
            {Object.entries(AGES).map(([k, a]) => (
              <option key={k} value={k}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-owner`}>Owner</label>
          <select id={`${formId}-owner`} value={value('owner')} onChange={onSelect('owner')}>
            <option value="">Anyone</option>
            <option value="me">Me</option>
            <option value="none">Unassigned</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${formId}-priority`}>Priority</label>
          <select id={`${formId}-priority`} value={value('priority')} onChange={onSelect('priority')}>
            <option value="">Any</option>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {humanise(p)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--check">
          <input id={`${formId}-awaiting`} type="checkbox" checked={value('awaiting') === 'true'} onChange={(e) => set('awaiting', e.target.checked ? 'true' : '')} />
          <label htmlFor={`${formId}-awaiting`}>Awaiting confirmation</label>
        </div>
      </form>

      <section aria-labelledby="queue-results" className="panel">
        <div className="panel__head">
          <h2 id="queue-results">{page.data === undefined ? 'Cases' : plural(total, 'case')}</h2>
          {page.loading && <span className="spinner" aria-hidden="true" />}
        </div>
        <p className="visually-hidden" aria-live="polite">
          {page.data !== undefined ? `${plural(total, 'case')} match the filters.` : ''}
        </p>
        {page.error !== undefined && <ErrorNote error={page.error} what="The review queue" />}
        {page.loading && page.data === undefined && <Loading label="Reading the queue" />}
        {page.data !== undefined && page.data.cases.length === 0 && <Empty>No case matches these filters.</Empty>}
        {page.data !== undefined && page.data.cases.length > 0 && (
          <div className="table-wrap">
            <table className="table queue">
              <caption className="visually-hidden">Cases, most urgent first</caption>
              <thead>
                <tr>
                  <th scope="col">Subject</th>
                  <th scope="col">Screening</th>
                  <th scope="col">Priority</th>
                  <th scope="col">Best score</th>
                  <th scope="col">Where</th>
                  <th scope="col">Owner</th>
                  <th scope="col">Age</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {page.data.cases.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link to={`/cases/${encodeURIComponent(c.id)}`} dir="auto" className="queue__subject">
                        {subjectNames(c.subject)}
                      </Link>
                      <div className="small muted">
                        {c.subject.birthDate !== undefined ? `born ${c.subject.birthDate} · ` : ''}
                        {plural(c.hitCount, 'hit')}
                        {c.source === 'alert' ? ' · vetting alert' : ''}
                      </div>
                    </td>
                    <td>
                      <DecisionBadge decision={c.decision} />
                    </td>
                    <td>
                      <Badge tone={PRIORITY_TONE[c.priority]}>{humanise(c.priority)}</Badge>
                    </td>
                    <td>
                      <ScoreBar score={c.topScore} label="Best score" />
                    </td>
                    <td className="small">{[c.channel !== undefined ? humanise(c.channel) : undefined, c.port].filter(Boolean).join(' · ') || '—'}</td>
                    <td className="small" title={c.owner}>
                      {c.owner !== undefined ? who(c.owner, me) : <span className="muted">unassigned</span>}
                    </td>
                    <td className="small" title={formatDateTime(c.openedAt)}>
                      {formatAge(c.openedAt)}
                    </td>
                    <td>
                      {c.outcome !== undefined ? <Badge tone={c.outcome === 'true_match' ? 'bad' : c.outcome === 'false_positive' ? 'good' : 'warn'}>{OUTCOME_LABEL[c.outcome]}</Badge> : <Badge>{humanise(c.status)}</Badge>}
                      {c.awaitingConfirmation > 0 && (
                        <div>
                          <Badge tone="warn">Awaiting confirmation</Badge>
                        </div>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {total > PAGE_SIZE && (
          <nav className="pager" aria-label="Queue pages">
            <button type="button" className="button button--secondary" disabled={offset === 0} onClick={() => set('offset', String(Math.max(0, offset - PAGE_SIZE)))}>
              Previous
            </button>
            <span>
              {offset + 1}–{Math.min(total, offset + PAGE_SIZE)} of {total}
            </span>
            <button type="button" className="button button--secondary" disabled={offset + PAGE_SIZE >= total} onClick={() => set('offset', String(offset + PAGE_SIZE))}>
              Next
            </button>
          </nav>
        )}
      </section>
    </div>
  );
}
