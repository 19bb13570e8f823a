import { api } from '../api/client.js';
import { alertUrls, todayStartIso, type AlertPage } from '../api/alerts.js';
import { caseUrls, PRIORITIES, type CaseStats } from '../api/cases.js';
import { ErrorNote, Loading, Section } from '../components/ui.js';
import { ageBucket, humanise } from '../lib/format.js';
import { useResource } from '../lib/hooks.js';
import { Link } from '../router.js';

/** Open cases by priority and by age, and what waits for a supervisor. */
export function QueuePanel() {
  const stats = useResource('case-stats', (signal) => api<CaseStats>(caseUrls.stats, { signal }));
  const data = stats.data;
  const open = data?.byStatus.open ?? 0;
  const oldest = Math.max(1, ...(data?.ageing.map((a) => a.count) ?? [1]));
  return (
    <Section title="Review queue" actions={<Link to="/queue">Open the queue</Link>}>
      {stats.loading && <Loading />}
      {stats.error !== undefined && <ErrorNote error={stats.error} what="Case review" />}
      {data !== undefined && (
        <>
          <div className="stat-row">
            <Link to="/queue" className="stat">
              <span className="stat__value">{open}</span>
              <span className="stat__label">open cases</span>
            </Link>
            <Link to="/queue?awaiting=true" className="stat">
              <span className="stat__value">{data.awaitingConfirmation}</span>
              <span className="stat__label">awaiting confirmation</span>
            </Link>
            <Link to="/queue?owner=none" className="stat">
              <span className="stat__value">{data.unassigned}</span>
              <span className="stat__label">unassigned</span>
            </Link>
            <div className="stat">
              <span className="stat__value">{data.decisionsToday}</span>
              <span className="stat__label">decisions today</span>
            </div>
          </div>
          <h3 className="subhead">Open by priority</h3>
          <ul className="chips" aria-label="Open cases by priority">
            {PRIORITIES.map((p) => (
              <li key={p}>
                <Link to={`/queue?priority=${p}`} className={`chip chip--priority-${p}`}>
                  {humanise(p)} <strong>{data.openByPriority[p] ?? 0}</strong>
                </Link>
              </li>
            ))}
          </ul>
          <h3 className="subhead">Ageing of open cases</h3>
          <table className="bars">
            <caption className="visually-hidden">Open cases by age</caption>
            <tbody>
              {data.ageing.map((bucket) => (
                <tr key={bucket.bucket}>
                  <th scope="row">{ageBucket(bucket.bucket)}</th>
                  <td>
                    <span className="bars__bar" style={{ width: `${(bucket.count / oldest) * 100}%` }} aria-hidden="true" />
                  </td>
                  <td className="num">{bucket.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Section>
  );
}

export function AlertsTodayPanel() {
  const since = todayStartIso();
  const alerts = useResource(`alerts-${since}`, (signal) => api<AlertPage>(alertUrls.list, { query: { since, limit: 1000 }, signal }));
  const list = alerts.data?.alerts ?? [];
  return (
    <Section title="Alerts today" actions={<Link to="/alerts">Live alerts</Link>}>
      {alerts.loading && <Loading />}
      {alerts.error !== undefined && <ErrorNote error={alerts.error} what="Recurrent vetting" />}
      {alerts.data !== undefined && (
        <>
          <div className="stat-row">
            <Link to="/alerts" className="stat">
              <span className="stat__value">{alerts.data.total ?? list.length}</span>
              <span className="stat__label">vetting alerts since midnight UTC</span>
            </Link>
            <Link to="/alerts" className="stat">
              <span className="stat__value">{list.filter((a) => a.status === 'open' && a.decision === 'match').length}</span>
              <span className="stat__label">open, scored as a match</span>
            </Link>
          </div>
          <ul className="plain-list">
            {[...list]
              .sort((a, b) => b.seq - a.seq)
              .slice(0, 5)
              .map((a) => (
                <li key={a.id} className="list-line">
                  <span>{a.subjectId}</span>
                  <span className="muted" dir="auto">
                    {a.caption} · {a.decision}
                  </span>
                </li>
              ))}
          </ul>
        </>
      )}
    </Section>
  );
}
