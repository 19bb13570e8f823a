import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api/client.js';
import { CHANNELS, type ScreeningResult, type Subject, type SubjectDocument } from '../api/types.js';
import { HitCard } from '../components/hit-card.js';
import { DecisionBadge, ErrorNote } from '../components/ui.js';
import { humanise, plural } from '../lib/format.js';
import { useDebounced, usePageTitle } from '../lib/hooks.js';
import { newSubjectId } from '../lib/ids.js';
import { Link } from '../router.js';

const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
const DEBOUNCE_MS = 300;

interface DocumentRow {
  key: number;
  type: SubjectDocument['type'];
  number: string;
  country: string;
}

interface FormState {
  names: string[];
  schema: '' | 'Person' | 'Organization' | 'Vessel' | 'Aircraft';
  birthDate: string;
  nationality: string;
  gender: '' | 'male' | 'female';
  documents: DocumentRow[];
  channel: string;
  port: string;
  origin: string;
}

const EMPTY: FormState = { names: [''], schema: '', birthDate: '', nationality: '', gender: '', documents: [], channel: '', port: '', origin: '' };

/** The request body for the form as it stands, or why it cannot be sent yet. */
function toRequest(form: FormState, id: string): { body?: Subject & { channel?: string; port?: string; origin?: string }; problems: Partial<Record<'name' | 'birthDate' | 'nationality', string>> } {
  const problems: Partial<Record<'name' | 'birthDate' | 'nationality', string>> = {};
  const names = form.names.map((n) => n.trim()).filter((n) => n !== '');
  const birthDate = form.birthDate.trim();
  const nationality = form.nationality.trim();
  if (names.length === 0 || names.every((n) => [...n].length < 2)) problems.name = 'Type at least two letters of a name.';
  if (birthDate !== '' && !DATE.test(birthDate)) problems.birthDate = 'Write the date as YYYY, YYYY-MM or YYYY-MM-DD.';
  if (nationality !== '' && nationality.length < 2) problems.nationality = 'Give a two-letter country code or a country name.';
  if (Object.keys(problems).length > 0) return { problems };
  const documents = form.documents
    .filter((d) => d.number.trim() !== '')
    .map((d) => ({ type: d.type, number: d.number.trim(), ...(d.country.trim().length >= 2 ? { country: d.country.trim() } : {}) }));
  return {
    problems,
    body: {
      id,
      name: names.length === 1 ? (names[0] as string) : names,
      ...(form.schema !== '' ? { schema: form.schema } : {}),
      ...(birthDate !== '' ? { birthDate } : {}),
      ...(nationality !== '' ? { nationality } : {}),
      ...(form.gender !== '' ? { gender: form.gender } : {}),
      ...(documents.length > 0 ? { documents } : {}),
      ...(form.channel !== '' ? { channel: form.channel } : {}),
      ...(form.port.trim() !== '' ? { port: form.port.trim() } : {}),
      ...(form.origin.trim().length >= 2 ? { origin: form.origin.trim() } : {}),
    },
  };
}

/** Screen a person: results follow the form as it is typed (debounced), best hit first. */
export function ScreenPage() {
  const heading = usePageTitle('Screen a person');
  const [form, setForm] = useState<FormState>(EMPTY);
  const subjectId = useMemo(() => newSubjectId('screen'), []);
  const nextKey = useRef(1);
  const request = useMemo(() => toRequest(form, subjectId), [form, subjectId]);
  const bodyText = request.body === undefined ? '' : JSON.stringify(request.body);
  const settled = useDebounced(bodyText, DEBOUNCE_MS);
  const [state, setState] = useState<{ result?: ScreeningResult; subject?: Subject; error?: unknown; pending: boolean }>({ pending: false });
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    if (settled === '') {
      setState({ pending: false });
      return;
    }
    const controller = new AbortController();
    const body = JSON.parse(settled) as Subject;
    setState((previous) => ({ ...previous, pending: true }));
    // Results while typing open no case; referring the subject (the form's submit) does.
    api<ScreeningResult>('/v1/screen', { body: { ...body, preview: true }, signal: controller.signal }).then(
      (result) => {
        setState({ result, subject: body, pending: false });
        const best = result.hits[0];
        setAnnouncement(
          result.hits.length === 0
            ? 'No hits: clear.'
            : `${plural(result.hits.length, 'hit')}, decision ${result.decision}. Best: ${best?.caption ?? ''}, score ${best?.score.toFixed(2) ?? ''}.`,
        );
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ error, pending: false });
        setAnnouncement(`Screening failed: ${error instanceof ApiError ? error.message : 'network error'}.`);
      },
    );
    return () => controller.abort();
  }, [settled]);

  const update = <K extends keyof FormState>(key: K, value: FormState[K]): void => setForm((f) => ({ ...f, [key]: value }));
  const setName = (i: number, value: string): void => setForm((f) => ({ ...f, names: f.names.map((n, j) => (j === i ? value : n)) }));
  const setDocument = (key: number, patch: Partial<DocumentRow>): void =>
    setForm((f) => ({ ...f, documents: f.documents.map((d) => (d.key === key ? { ...d, ...patch } : d)) }));
  const addDocument = (): void => {
    const key = nextKey.current++;
    setForm((f) => ({ ...f, documents: [...f.documents, { key, type: 'passport', number: '', country: '' }] }));
    window.setTimeout(() => document.getElementById(`doc-${key}-number`)?.focus(), 0);
  };
  const addName = (): void => {
    setForm((f) => ({ ...f, names: [...f.names, ''] }));
    const index = form.names.length;
    window.setTimeout(() => document.getElementById(`name-${index}`)?.focus(), 0);
  };
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (bodyText === '') return;
    const body = JSON.parse(bodyText) as Subject;
    setState((previous) => ({ ...previous, pending: true }));
    api<ScreeningResult>('/v1/screen', { body }).then(
      (result) => {
        setState({ result, subject: body, pending: false });
        setAnnouncement(result.caseId !== undefined ? `Referred for review: decision ${result.decision}.` : `Decision ${result.decision}: nothing to refer.`);
      },
      (error: unknown) => {
        setState({ error, pending: false });
        setAnnouncement(`Screening failed: ${error instanceof ApiError ? error.message : 'network error'}.`);
      },
    );
  };
  const typedName = form.names.some((n) => n.trim() !== '');

  return (
    <div className="page page--split">
      <div className="page__head">
        <h1 ref={heading} tabIndex={-1}>
          Screen a person
        </h1>
        <p className="lede">Names in any script. Results follow as you type; every screening is recorded in the audit trail.</p>
      </div>

      <form className="panel form" onSubmit={submit} aria-label="Subject to screen" noValidate>
        <fieldset>
          <legend>Names</legend>
          {form.names.map((name, i) => (
            <div className="field" key={i}>
              <label htmlFor={`name-${i}`}>{i === 0 ? 'Full name' : `Other name ${i}`}</label>
              <div className="field__row">
                <input
                  id={`name-${i}`}
                  type="text"
                  dir="auto"
                  autoComplete="off"
                  spellCheck={false}
                  value={name}
                  onChange={(e) => setName(i, e.target.value)}
                  aria-describedby={i === 0 ? 'name-hint' : undefined}
                  aria-invalid={i === 0 && typedName && request.problems.name !== undefined ? true : undefined}
                />
                {i > 0 && (
                  <button type="button" className="button button--quiet" onClick={() => setForm((f) => ({ ...f, names: f.names.filter((_, j) => j !== i) }))} aria-label={`Remove other name ${i}`}>
                    Remove
                  </button>
                )}
              </div>
              {i === 0 && (
                <p className="hint" id="name-hint">
                  {typedName && request.problems.name !== undefined ? request.problems.name : 'As written in the document: Latin, Arabic, Cyrillic, Chinese …'}
                </p>
              )}
            </div>
          ))}
          {form.names.length < 5 && (
            <button type="button" className="button button--quiet" onClick={addName}>
              Add another name
            </button>
          )}
        </fieldset>

        <fieldset>
          <legend>Identity</legend>
          <div className="grid-2">
            <div className="field">
              <label htmlFor="birthDate">Date of birth</label>
              <input
                id="birthDate"
                type="text"
                inputMode="numeric"
                placeholder="YYYY-MM-DD"
                value={form.birthDate}
                onChange={(e) => update('birthDate', e.target.value)}
                aria-invalid={request.problems.birthDate !== undefined ? true : undefined}
                aria-describedby="birthDate-hint"
              />
              <p className="hint" id="birthDate-hint">
                {request.problems.birthDate ?? 'YYYY, YYYY-MM or YYYY-MM-DD'}
              </p>
            </div>
            <div className="field">
              <label htmlFor="nationality">Nationality</label>
              <input
                id="nationality"
                type="text"
                autoComplete="off"
                placeholder="EG or Egypt"
                value={form.nationality}
                onChange={(e) => update('nationality', e.target.value)}
                aria-invalid={request.problems.nationality !== undefined ? true : undefined}
                aria-describedby="nationality-hint"
              />
              <p className="hint" id="nationality-hint">
                {request.problems.nationality ?? 'Country code or name'}
              </p>
            </div>
            <div className="field">
              <label htmlFor="gender">Gender</label>
              <select id="gender" value={form.gender} onChange={(e) => update('gender', e.target.value as FormState['gender'])}>
                <option value="">Not given</option>
                <option value="female">Female</option>
                <option value="male">Male</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="schema">Kind</label>
              <select id="schema" value={form.schema} onChange={(e) => update('schema', e.target.value as FormState['schema'])}>
                <option value="">Any</option>
                <option value="Person">Person</option>
                <option value="Organization">Organisation</option>
                <option value="Vessel">Vessel</option>
                <option value="Aircraft">Aircraft</option>
              </select>
            </div>
          </div>
        </fieldset>

        <fieldset>
          <legend>Documents</legend>
          {form.documents.length === 0 && <p className="hint">No document yet.</p>}
          {form.documents.map((doc, i) => (
            <div className="doc-row" key={doc.key} role="group" aria-label={`Document ${i + 1}`}>
              <div className="field">
                <label htmlFor={`doc-${doc.key}-type`}>Type</label>
                <select id={`doc-${doc.key}-type`} value={doc.type} onChange={(e) => setDocument(doc.key, { type: e.target.value as DocumentRow['type'] })}>
                  <option value="passport">Passport</option>
                  <option value="national_id">National ID</option>
                  <option value="other">Other</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor={`doc-${doc.key}-number`}>Number</label>
                <input id={`doc-${doc.key}-number`} type="text" autoComplete="off" spellCheck={false} value={doc.number} onChange={(e) => setDocument(doc.key, { number: e.target.value })} />
              </div>
              <div className="field field--narrow">
                <label htmlFor={`doc-${doc.key}-country`}>Issued by</label>
                <input id={`doc-${doc.key}-country`} type="text" autoComplete="off" placeholder="EG" value={doc.country} onChange={(e) => setDocument(doc.key, { country: e.target.value })} />
              </div>
              <button type="button" className="button button--quiet doc-row__remove" onClick={() => setForm((f) => ({ ...f, documents: f.documents.filter((d) => d.key !== doc.key) }))} aria-label={`Remove document ${i + 1}`}>
                Remove
              </button>
            </div>
          ))}
          {form.documents.length < 10 && (
            <button type="button" className="button button--quiet" onClick={addDocument}>
              Add a document
            </button>
          )}
        </fieldset>

        <fieldset>
          <legend>Where</legend>
          <div className="grid-2">
            <div className="field">
              <label htmlFor="channel">Channel</label>
              <select id="channel" value={form.channel} onChange={(e) => update('channel', e.target.value)}>
                <option value="">Not given</option>
                {CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {humanise(c)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="port">Port</label>
              <input id="port" type="text" autoComplete="off" placeholder="e.g. JFK" value={form.port} onChange={(e) => update('port', e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor="origin">Last departure</label>
              <input id="origin" type="text" autoComplete="off" placeholder="e.g. IST" value={form.origin} onChange={(e) => update('origin', e.target.value)} />
            </div>
          </div>
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="button">
            Refer for review
          </button>
          <button type="button" className="button button--secondary" onClick={() => setForm(EMPTY)}>
            Clear the form
          </button>
        </div>
      </form>

      <section className="results" aria-labelledby="results-heading" aria-busy={state.pending}>
        <div className="results__head">
          <h2 id="results-heading">Results</h2>
          {state.pending && <span className="spinner" aria-hidden="true" />}
          {state.result !== undefined && <DecisionBadge decision={state.result.decision} />}
        </div>
        <p className="visually-hidden" aria-live="polite" aria-atomic="true">
          {announcement}
        </p>
        {state.error !== undefined && <ErrorNote error={state.error} what="Screening" />}
        {state.result === undefined && state.error === undefined && <p className="empty">Type a name to screen it against the lists in force.</p>}
        {state.result !== undefined && state.subject !== undefined && (
          <>
            <p className="muted results__meta">
              {state.result.hits.length === 0 ? 'No listed entity scores above the review threshold.' : `${plural(state.result.hits.length, 'hit')}, best first.`} Lists:{' '}
              {Object.entries(state.result.listVersions)
                .map(([source, version]) => `${source} v${version}`)
                .join(', ')}
              .
              {state.result.posture !== undefined && (
                <>
                  {' '}
                  Posture {state.result.posture.id === 'baseline' ? 'baseline' : `${humanise(state.result.posture.level)} (${state.result.posture.scheme.toUpperCase()})`}: review from {state.result.posture.reviewThreshold.toFixed(2)}, match from {state.result.posture.matchThreshold.toFixed(2)}.
                </>
              )}
            </p>
            {state.result.caseId !== undefined && (
              <p className="note note--warn">
                Referred for review: <Link to={`/cases/${encodeURIComponent(state.result.caseId)}`}>open the case</Link>.
              </p>
            )}
            {state.result.posture?.enhanced !== undefined && (
              <p className="note note--warn">Enhanced screening applies here ({state.result.posture.enhanced}): nothing is cleared automatically.</p>
            )}
            <ol className="hits" aria-label="Hits">
              {state.result.hits.map((hit, i) => (
                <HitCard key={`${hit.entityId}-${i}`} hit={hit} subject={state.subject as Subject} rank={i + 1} open={i === 0} />
              ))}
            </ol>
          </>
        )}
      </section>
    </div>
  );
}
