import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api/client.js';
import { ALERT_EVENTS, alertUrls, changeText, type AlertPage, type AlertView } from '../api/alerts.js';
import { Badge, Empty, ErrorNote, ScoreBar } from '../components/ui.js';
import { formatDateTime, humanise } from '../lib/format.js';
import { hasRole, READERS, useAuth } from '../auth.js';
import { usePageTitle } from '../lib/hooks.js';
import { Link } from '../router.js';

const POLL_MS = 10_000;
const KEEP = 200;
type Mode = 'connecting' | 'live' | 'polling' | 'unavailable';

function merge(existing: AlertView[], incoming: AlertView[]): AlertView[] {
  const byId = new Map(existing.map((a) => [a.id, a]));
  for (const alert of incoming) byId.set(alert.id, alert);
  return [...byId.values()].sort((a, b) => b.seq - a.seq || b.createdAt.localeCompare(a.createdAt)).slice(0, KEEP);
}

/**
 * Vetting alerts as they arrive: server-sent events when the server streams them, else a poll
 * every 10 s. New alerts are announced politely to screen readers.
 */
export function AlertsPage() {
  const heading = usePageTitle('Alerts');
  const { principal } = useAuth();
  const reader = hasRole(principal, ...READERS);
  const [alerts, setAlerts] = useState<AlertView[]>([]);
  const [mode, setMode] = useState<Mode>('connecting');
  const [error, setError] = useState<unknown>(undefined);
  const [announcement, setAnnouncement] = useState('');
  const fresh = useRef(new Set<string>());

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    let source: EventSource | undefined;

    let lastSeq: number | undefined;
    const load = async (): Promise<boolean> => {
      try {
        const query = lastSeq === undefined ? { since: new Date(Date.now() - 7 * 86_400_000).toISOString(), limit: 1000 } : { after: lastSeq, limit: 1000 };
        const page = await api<AlertPage>(alertUrls.list, { query });
        if (!stopped) {
          for (const alert of page.alerts) lastSeq = Math.max(lastSeq ?? 0, alert.seq);
          if (lastSeq === undefined) lastSeq = 0;
          setAlerts((current) => merge(current, page.alerts));
          setError(undefined);
        }
        return true;
      } catch (failure) {
        if (stopped) return false;
        if (failure instanceof ApiError && failure.unavailable) setMode('unavailable');
        setError(failure);
        return false;
      }
    };
    const poll = (): void => {
      setMode('polling');
      const tick = async (): Promise<void> => {
        await load();
        if (!stopped) timer = window.setTimeout(() => void tick(), POLL_MS);
      };
      timer = window.setTimeout(() => void tick(), POLL_MS);
    };
    const receive = (event: MessageEvent<string>): void => {
      try {
        const alert = JSON.parse(event.data) as AlertView;
        if (typeof alert.id !== 'string') return;
        if (event.type !== 'alert.closed') fresh.current.add(alert.id);
        setAlerts((current) => merge(current, [alert]));
        setAnnouncement(event.type === 'alert.closed' ? `Alert closed: ${alert.subjectId} against ${alert.caption}.` : `New alert: ${alert.subjectId} now matches ${alert.caption}.`);
      } catch {
        // A keep-alive or an event this page does not show.
      }
    };

    void load().then((ok) => {
      if (stopped || !ok) return;
      if (typeof EventSource === 'undefined') return poll();
      source = new EventSource(alertUrls.stream, { withCredentials: true });
      let opened = false;
      source.onopen = () => {
        opened = true;
        setMode('live');
        // The stream sends what is raised from now: read what came between the list and now.
        void load();
      };
      source.onmessage = receive;
      for (const type of ALERT_EVENTS) source.addEventListener(type, receive as EventListener);
      source.onerror = () => {
        // Never opened: no stream on this server. Opened then dropped: EventSource retries by itself.
        if (!opened) {
          source?.close();
          if (!stopped) poll();
        } else setMode('connecting');
      };
    });
    return () => {
      stopped = true;
      source?.close();
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, []);

  const modeText: Record<Mode, string> = {
    connecting: 'Connecting…',
    live: 'Live: alerts arrive as they are raised',
    polling: `Checking every ${POLL_MS / 1000} s`,
    unavailable: 'Not available on this server',
  };

  return (
    <div className="page">
      <div className="page__head page__head--row">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            Vetting alerts
          </h1>
          <p className="lede">People already screened who now match a list after it changed.</p>
        </div>
        <span className={`live live--${mode}`}>
          <span className="live__dot" aria-hidden="true" />
          {modeText[mode]}
        </span>
      </div>
      <p className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      {error !== undefined && <ErrorNote error={error} what="Recurrent vetting" />}
      {mode !== 'unavailable' && alerts.length === 0 && error === undefined && <Empty>No alert yet.</Empty>}
      {alerts.length > 0 && (
        <ol className="alerts" aria-label="Alerts, newest first">
          {alerts.map((alert) => (
            <li key={alert.id} className={fresh.current.has(alert.id) ? 'alert alert--new' : 'alert'}>
              <div className="alert__main">
                <span className="alert__subject">{alert.subjectId}</span>
                <span className="muted">now {alert.decision === 'match' ? 'matches' : 'may match'}</span>
                {reader ? (
                  <Link to={`/entities/${encodeURIComponent(alert.entityId)}`} dir="auto">
                    {alert.caption}
                  </Link>
                ) : (
                  <span dir="auto">{alert.caption}</span>
                )}
                <Badge tone={alert.decision === 'match' ? 'bad' : 'warn'}>{humanise(alert.decision)}</Badge>
                {alert.status === 'closed' && <Badge>Closed{alert.closeReason !== undefined ? `: ${humanise(alert.closeReason)}` : ''}</Badge>}
              </div>
              <div className="alert__meta small muted">
                {formatDateTime(alert.createdAt)} · {alert.entityId} {changeText(alert.change)}
              </div>
              <ScoreBar score={alert.score} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
