import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, ApiError, describeError } from '../api/client.js';
import { caseUrls, isExplanation, OUTCOME_LABEL, OUTCOMES, subjectNames, type CaseDetail, type CaseHitView, type DecisionResult, type DecisionView, type Outcome, type ReasonCode } from '../api/cases.js';
import { hasRole, READERS, useAuth } from '../auth.js';
import { ExplanationView } from '../components/explanation.js';
import { Badge, DecisionBadge, ErrorNote, Facts, Loading, ScoreBar, Section } from '../components/ui.js';
import { formatAge, formatDateTime, humanise, who } from '../lib/format.js';
import { usePageTitle, useResource } from '../lib/hooks.js';
import { Link } from '../router.js';
import { PRIORITY_TONE } from './queue.js';

const OUTCOME_TONE = { true_match: 'bad', false_positive: 'good', inconclusive: 'warn' } as const;

function DecisionLine({ decision, codes }: { decision: DecisionView; codes: ReasonCode[] }) {
  const me = useAuth().principal?.id;
  const reason = codes.find((c) => c.code === decision.reasonCode);
  return (
    <div className={`decision decision--${decision.state}`}>
      <Badge tone={OUTCOME_TONE[decision.outcome]}>{OUTCOME_LABEL[decision.outcome]}</Badge> <span className="decision__reason">{reason?.description ?? humanise(decision.reasonCode)}</span>
      <div className="small muted">
        {humanise(decision.state)} · by <span title={decision.decidedBy}>{who(decision.decidedBy, me)}</span>, {formatDateTime(decision.decidedAt)}
        {decision.confirmedBy !== undefined && (
          <>
            {' · confirmed by '}
            <span title={decision.confirmedBy}>{who(decision.confirmedBy, me)}</span>, {formatDateTime(decision.confirmedAt)}
          </>
        )}
        {decision.suppressionExpiresAt !== undefined ? ` · suppression until ${formatDateTime(decision.suppressionExpiresAt)}` : ''}
      </div>
      {decision.note !== undefined && <p className="decision__note">{decision.note}</p>}
    </div>
  );
}

interface DecideProps {
  caseId: string;
  hit: CaseHitView;
  codes: ReasonCode[];
  onDone: (detail: CaseDetail, message: string) => void;
}

/** Outcome, reason code and free text for one hit. */
function DecisionForm({ caseId, hit, codes, onDone }: DecideProps) {
  const id = useId();
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const [reasonCode, setReasonCode] = useState('');
  const [note, setNote] = useState('');
  const [expires, setExpires] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const fitting = codes.filter((c) => outcome !== undefined && c.outcomes.includes(outcome));
  const reason = codes.find((c) => c.code === reasonCode);

  const choose = (next: Outcome): void => {
    setOutcome(next);
    // A reason that does not support the new outcome is dropped, not sent.
    if (!codes.some((c) => c.code === reasonCode && c.outcomes.includes(next))) setReasonCode('');
  };

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (outcome === undefined) return setError('Choose an outcome.');
    if (reasonCode === '') return setError('Choose a reason code.');
    if (reason?.noteRequired === true && note.trim() === '') return setError('This reason needs a note saying why.');
    setBusy(true);
    setError(undefined);
    try {
      const result = await api<DecisionResult>(caseUrls.decide(caseId, hit.entityId), {
        body: { outcome, reasonCode, ...(note.trim() !== '' ? { note: note.trim() } : {}), ...(outcome === 'false_positive' && expires !== '' ? { suppressionExpiresAt: expires } : {}) },
      });
      const needs = result.decision.needsConfirmation && result.decision.state === 'proposed';
      onDone(
        result.case,
        `${OUTCOME_LABEL[outcome]} recorded for ${hit.caption}${needs ? '; it awaits a supervisor’s confirmation' : ''}${result.redressNumberIssued !== undefined ? `. Redress number issued: ${result.redressNumberIssued}` : ''}.`,
      );
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="decide" onSubmit={(e) => void submit(e)} aria-label={`Decide on ${hit.caption}`} noValidate>
      <fieldset>
        <legend>Outcome</legend>
        <div className="segmented">
          {OUTCOMES.map((o) => (
            <label key={o} className={`segmented__option segmented__option--${o}`}>
              <input type="radio" name={`${id}-outcome`} value={o} checked={outcome === o} onChange={() => choose(o)} />
              <span>{OUTCOME_LABEL[o]}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`${id}-reason`}>Reason code</label>
          <select id={`${id}-reason`} value={reasonCode} onChange={(e) => setReasonCode(e.target.value)} disabled={outcome === undefined} aria-describedby={`${id}-reason-hint`}>
            <option value="">{outcome === undefined ? 'Choose an outcome first' : 'Choose a reason'}</option>
            {fitting.map((c) => (
              <option key={c.code} value={c.code}>
                {humanise(c.code)}
              </option>
            ))}
          </select>
          <p className="hint" id={`${id}-reason-hint`}>
            {reason?.description ?? 'Stable codes, counted in reports.'}
          </p>
        </div>
        {outcome === 'false_positive' && (
          <div className="field">
            <label htmlFor={`${id}-expires`}>Suppression ends</label>
            <input id={`${id}-expires`} type="date" value={expires} onChange={(e) => setExpires(e.target.value)} aria-describedby={`${id}-expires-hint`} />
            <p className="hint" id={`${id}-expires-hint`}>
              Optional. The same traveller is not stopped again on this entry until then, unless the listing changes.
            </p>
          </div>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>Note {reason?.noteRequired === true ? '(required)' : '(optional)'}</label>
        <textarea id={`${id}-note`} rows={3} value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      </div>
      {error !== undefined && (
        <div className="note note--error" role="alert">
          {error}
        </div>
      )}
      <button type="submit" className="button button--primary" disabled={busy}>
        {busy ? 'Recording…' : 'Record decision'}
      </button>
    </form>
  );
}

function ConfirmControl({ caseId, hit, decision, onDone }: { caseId: string; hit: CaseHitView; decision: DecisionView; onDone: (detail: CaseDetail, message: string) => void }) {
  const { principal } = useAuth();
  const id = useId();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const supervisor = hasRole(principal, 'supervisor');
  const own = principal?.id === decision.decidedBy;
  if (!supervisor) {
    return (
      <p className="note note--warn" role="status">
        Awaiting confirmation by a supervisor: a true match takes a second person.
      </p>
    );
  }
  if (own) {
    return (
      <p className="note note--warn" role="status">
        You made this decision: another supervisor must confirm it.
      </p>
    );
  }
  const confirm = async (): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await api<DecisionResult>(caseUrls.confirm(caseId, hit.entityId, decision.id), { body: note.trim() !== '' ? { note: note.trim() } : {} });
      onDone(result.case, `Confirmed: ${OUTCOME_LABEL[decision.outcome]} for ${hit.caption}.`);
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="confirm">
      <div className="field">
        <label htmlFor={`${id}-note`}>Confirmation note (optional)</label>
        <input id={`${id}-note`} type="text" value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} />
      </div>
      {error !== undefined && (
        <div className="note note--error" role="alert">
          {error}
        </div>
      )}
      <button type="button" className="button button--primary" onClick={() => void confirm()} disabled={busy}>
        {busy ? 'Confirming…' : 'Confirm decision'}
      </button>
    </div>
  );
}

function HitPanel({ detail, hit, index, codes, onDone }: { detail: CaseDetail; hit: CaseHitView; index: number; codes: ReasonCode[]; onDone: (detail: CaseDetail, message: string) => void }) {
  const { principal } = useAuth();
  const reader = hasRole(principal, ...READERS);
  const [changing, setChanging] = useState(false);
  const decision = hit.decision;
  const canDecide = detail.status !== 'closed' && hit.state !== 'suppressed' && (hit.state === 'undecided' || changing);
  const explanation = isExplanation(hit.explanation) ? hit.explanation : undefined;
  return (
    <section className="panel hit-panel" aria-labelledby={`hit-${index}-title`}>
      <div className="panel__head">
        <h2 id={`hit-${index}-title`}>
          <span className="muted">Hit {index + 1}:</span>{' '}
          {reader ? (
            <Link to={`/entities/${encodeURIComponent(hit.entityId)}`} dir="auto">
              {hit.caption}
            </Link>
          ) : (
            <span dir="auto">{hit.caption}</span>
          )}
        </h2>
        <ScoreBar score={hit.score} />
      </div>
      <p className="small muted">
        {hit.entityId}
        {hit.listVersion !== undefined ? ` · list version ${hit.listVersion}` : ''} · <Badge tone={hit.state === 'final' ? 'good' : hit.state === 'proposed' ? 'warn' : hit.state === 'suppressed' ? 'info' : 'neutral'}>{humanise(hit.state)}</Badge>
      </p>
      {hit.suppressed !== undefined && (
        <p className="note note--info">
          Set aside by redress: false positive decided {formatDateTime(hit.suppressed.since)} ({humanise(hit.suppressed.reason)}), recognised by {hit.suppressed.via === 'redress_number' ? `redress number ${hit.suppressed.redressNumber ?? ''}` : 'the same identifying data'}.
        </p>
      )}
      {explanation !== undefined ? <ExplanationView explanation={explanation} idPrefix={`case-hit-${index}`} /> : <p className="muted">Matched on “{hit.matchedName}”.</p>}
      {decision !== undefined && (
        <div className="decision-block">
          <h3>Decision</h3>
          <DecisionLine decision={decision} codes={codes} />
          {decision.state === 'proposed' && <ConfirmControl caseId={detail.id} hit={hit} decision={decision} onDone={onDone} />}
          {!changing && detail.status !== 'closed' && hit.state !== 'suppressed' && (
            <button type="button" className="button button--quiet" onClick={() => setChanging(true)}>
              Change the decision
            </button>
          )}
        </div>
      )}
      {canDecide && (
        <div className="decision-block">
          <h3>{decision === undefined ? 'Decide' : 'New decision'}</h3>
          <DecisionForm
            caseId={detail.id}
            hit={hit}
            codes={codes}
            onDone={(next, message) => {
              setChanging(false);
              onDone(next, message);
            }}
          />
        </div>
      )}
      {hit.history.length > 1 && (
        <details className="history">
          <summary>Earlier decisions ({hit.history.length - 1})</summary>
          {hit.history
            .filter((d) => d.id !== decision?.id)
            .reverse()
            .map((d) => (
              <DecisionLine key={d.id} decision={d} codes={codes} />
            ))}
        </details>
      )}
    </section>
  );
}

export function CasePage({ id }: { id: string }) {
  const { principal } = useAuth();
  const resource = useResource(id, (signal) => api<CaseDetail>(caseUrls.one(id), { signal }));
  const codes = useResource('reason-codes', (signal) => api<{ reasonCodes: ReasonCode[] }>(caseUrls.reasonCodes, { signal }));
  const [detail, setDetail] = useState<CaseDetail | undefined>(undefined);
  const [message, setMessage] = useState('');
  const [actionError, setActionError] = useState<unknown>(undefined);
  const messageRef = useRef<HTMLParagraphElement | null>(null);
  useEffect(() => setDetail(resource.data), [resource.data]);
  const heading = usePageTitle(detail !== undefined ? `Case: ${subjectNames(detail.subject)}` : 'Case');
  const reasonCodes = codes.data?.reasonCodes ?? [];

  const done = (next: CaseDetail, text: string): void => {
    setDetail(next);
    setMessage(text);
    setActionError(undefined);
    window.setTimeout(() => messageRef.current?.focus(), 0);
  };
  const act = async (url: string, body: unknown, text: string): Promise<void> => {
    try {
      const next = await api<CaseDetail | { case: CaseDetail }>(url, { body });
      done('case' in next ? next.case : next, text);
    } catch (failure) {
      setActionError(failure);
    }
  };

  if (resource.loading && detail === undefined) return <div className="page"><Loading label="Reading the case" /></div>;
  if (resource.error !== undefined) {
    return (
      <div className="page">
        <h1 ref={heading} tabIndex={-1}>
          Case {id}
        </h1>
        <ErrorNote error={resource.error} what={resource.error instanceof ApiError && resource.error.unavailable ? 'Case review' : 'The case'} />
      </div>
    );
  }
  if (detail === undefined) return null;
  const subject = detail.subject;
  const mine = detail.owner !== undefined && detail.owner === principal?.id;
  return (
    <div className="page">
      <div className="page__head page__head--row">
        <div>
          <p className="crumbs">
            <Link to="/queue">Review queue</Link> / case {detail.id}
          </p>
          <h1 ref={heading} tabIndex={-1} dir="auto">
            {subjectNames(subject)}
          </h1>
          <p className="lede">
            <DecisionBadge decision={detail.decision} /> <Badge tone={PRIORITY_TONE[detail.priority]}>{humanise(detail.priority)} priority</Badge> <Badge>{humanise(detail.status)}</Badge>
            {detail.outcome !== undefined && (
              <>
                {' '}
                <Badge tone={OUTCOME_TONE[detail.outcome]}>{OUTCOME_LABEL[detail.outcome]}</Badge>
              </>
            )}{' '}
            opened {formatAge(detail.openedAt)} ago by <span title={detail.openedBy}>{who(detail.openedBy, principal?.id)}</span>
          </p>
        </div>
        <div className="actions">
          {detail.status !== 'closed' && !mine && (
            <button type="button" className="button button--secondary" onClick={() => void act(caseUrls.assign(detail.id), { owner: 'me' }, 'The case is yours.')}>
              Take the case
            </button>
          )}
          {detail.status !== 'closed' && mine && (
            <button type="button" className="button button--secondary" onClick={() => void act(caseUrls.assign(detail.id), { owner: null }, 'The case is back in the queue.')}>
              Release
            </button>
          )}
          {detail.status === 'decided' && (
            <button type="button" className="button button--secondary" onClick={() => void act(caseUrls.close(detail.id), {}, 'The case is closed.')}>
              Close the case
            </button>
          )}
        </div>
      </div>
      <p className="status-line" role="status" aria-live="polite" tabIndex={-1} ref={messageRef}>
        {message}
      </p>
      {actionError !== undefined && <ErrorNote error={actionError} />}
      {codes.error !== undefined && <ErrorNote error={codes.error} what="Reason codes" />}
      <div className="columns">
        <div className="columns__main">
          {detail.hits.map((hit, i) => (
            <HitPanel key={hit.entityId} detail={detail} hit={hit} index={i} codes={reasonCodes} onDone={done} />
          ))}
        </div>
        <div className="columns__side">
          <Section title="Subject">
            <Facts
              rows={[
                ['Names', <span dir="auto">{subjectNames(subject)}</span>],
                ['Date of birth', subject.birthDate],
                ['Nationality', subject.nationality],
                ['Gender', subject.gender !== undefined ? humanise(subject.gender) : undefined],
                ['Documents', subject.documents !== undefined && subject.documents.length > 0 ? subject.documents.map((d) => `${humanise(d.type)} ${d.number}${d.country !== undefined ? ` (${d.country})` : ''}`).join('; ') : undefined],
                ['Redress number', detail.redress.presented ?? detail.redress.issued],
                ['Subject id', <span className="mono small">{subject.id}</span>],
              ]}
            />
          </Section>
          <Section title="Screening">
            <Facts
              rows={[
                ['Source', detail.source === 'alert' ? `Vetting alert ${detail.alertId ?? ''}` : 'Screening'],
                ['Channel', detail.channel !== undefined ? humanise(detail.channel) : undefined],
                ['Port', detail.port],
                ['Owner', detail.owner !== undefined ? <span title={detail.owner}>{who(detail.owner, principal?.id)}</span> : 'unassigned'],
                ['Lists', Object.entries(detail.listVersions).map(([s, v]) => `${s} v${v}`).join(', ')],
                ['Posture', typeof detail.posture?.['id'] === 'string' ? humanise(String(detail.posture['level'] ?? detail.posture['id'])) : undefined],
                ['Opened', formatDateTime(detail.openedAt)],
                ['Decided', detail.decidedAt !== undefined ? formatDateTime(detail.decidedAt) : undefined],
              ]}
            />
          </Section>
          <Section title="Events">
            <ol className="timeline">
              {[...detail.events].reverse().map((event, i) => (
                <li key={i}>
                  <strong>{humanise(event.kind)}</strong>
                  <div className="small muted">
                    <span title={event.actorId}>{who(event.actorId, principal?.id)}</span> · {formatDateTime(event.at)}
                  </div>
                </li>
              ))}
            </ol>
          </Section>
        </div>
      </div>
    </div>
  );
}
