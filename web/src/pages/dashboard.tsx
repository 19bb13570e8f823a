import { api } from '../api/client.js';
import type { AdvisorySummary, CurrentLevel, Posture, SourceSummary } from '../api/types.js';
import { hasRole, READERS, useAuth } from '../auth.js';
import { Badge, Empty, ErrorNote, Loading, Section } from '../components/ui.js';
import { formatDateTime, humanise, plural } from '../lib/format.js';
import { usePageTitle, useResource } from '../lib/hooks.js';
import { Link } from '../router.js';
import { AlertsTodayPanel, QueuePanel } from './dashboard-work.js';

function ThreatLevel() {
  const advisories = useResource('advisories', (signal) => api<{ advisories: AdvisorySummary[]; levels: CurrentLevel[] }>('/v1/advisories', { query: { status: 'current' }, signal }));
  const posture = useResource('posture', (signal) => api<Posture>('/v1/posture', { signal }));
  const levels = advisories.data?.levels ?? [];
  const top = levels[0];
  return (
    <Section title="Threat level">
      {advisories.loading && <Loading label="Reading the advisories in force" />}
      {advisories.error !== undefined && <ErrorNote error={advisories.error} what="Advisories" />}
      {advisories.data !== undefined && top === undefined && (
        <div className="level level--none">
          <span className="level__name">No advisory in force</span>
          <span className="level__meta">Baseline screening</span>
        </div>
      )}
      {levels.map((level) => (
        <div key={`${level.scheme}-${level.region}`} className={`level level--rank-${Math.min(level.rank, 5)}`}>
          <span className="level__scheme">
            {level.schemeName} · {level.region}
          </span>
          <span className="level__name">{level.levelName}</span>
          <span className="level__meta">
            {level.responseLevel !== undefined ? `Response: ${level.responseLevel} · ` : ''}since {formatDateTime(level.since)}
          </span>
        </div>
      ))}
      {posture.data !== undefined && (
        <dl className="posture" aria-label="Screening posture">
          <div>
            <dt>Posture</dt>
            <dd>{posture.data.id === 'baseline' ? 'Baseline' : `${humanise(posture.data.level)} (${posture.data.scheme.toUpperCase()})`}</dd>
          </div>
          <div>
            <dt>Review at</dt>
            <dd>{posture.data.reviewThreshold.toFixed(2)}</dd>
          </div>
          <div>
            <dt>Match at</dt>
            <dd>{posture.data.matchThreshold.toFixed(2)}</dd>
          </div>
          <div>
            <dt>Enhanced</dt>
            <dd>
              {[...posture.data.enhanced.ports.map((p) => `port ${p}`), ...posture.data.enhanced.channels.map((c) => humanise(c)), ...posture.data.enhanced.routes.map((r) => `route ${r}`)].join(', ') || 'none'}
            </dd>
          </div>
        </dl>
      )}
      {posture.error !== undefined && <ErrorNote error={posture.error} what="The screening posture" />}
      {(advisories.data?.advisories.length ?? 0) > 0 && (
        <ul className="plain-list advisories">
          {advisories.data?.advisories.slice(0, 3).map((a) => (
            <li key={a.id}>
              <Badge tone="warn">{a.levelName}</Badge> <a href={`/advisories#${encodeURIComponent(a.id)}`}>{a.title}</a>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function ListsPanel() {
  const sources = useResource('sources', (signal) => api<{ sources: SourceSummary[] }>('/v1/lists', { signal }));
  return (
    <Section title="Lists in force" actions={<Link to="/lists">All versions</Link>}>
      {sources.loading && <Loading />}
      {sources.error !== undefined && <ErrorNote error={sources.error} what="Lists" />}
      {sources.data !== undefined && sources.data.sources.length === 0 && <Empty>No list imported yet.</Empty>}
      {sources.data !== undefined && sources.data.sources.length > 0 && (
        <ul className="plain-list">
          {sources.data.sources.map((s) => (
            <li key={s.source} className="list-line">
              <Link to={`/lists?source=${encodeURIComponent(s.source)}`}>{s.source}</Link>
              <span className="muted">
                v{s.currentVersion} · {plural(s.entityCount, 'entity', 'entities')} · {formatDateTime(s.lastImportedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function DashboardPage() {
  const heading = usePageTitle('Dashboard');
  const { principal } = useAuth();
  return (
    <div className="page">
      <div className="page__head page__head--row">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            Dashboard
          </h1>
          <p className="lede">Signed in as {principal?.name}. Threat level, work waiting and what changed today.</p>
        </div>
        <Link to="/screen" className="button button--primary">
          Screen a person
        </Link>
      </div>
      <div className="dashboard">
        <ThreatLevel />
        <QueuePanel />
        {hasRole(principal, ...READERS) && <AlertsTodayPanel />}
        {hasRole(principal, ...READERS) && <ListsPanel />}
      </div>
    </div>
  );
}
