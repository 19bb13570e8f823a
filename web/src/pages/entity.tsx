import { useMemo } from 'react';
import { api, ApiError } from '../api/client.js';
import type { Entity, StoredEntity } from '../api/types.js';
import { birthDateText } from '../components/hit-card.js';
import { Badge, Empty, ErrorNote, Facts, Loading, Section } from '../components/ui.js';
import { humanise } from '../lib/format.js';
import { usePageTitle, useResource } from '../lib/hooks.js';
import { Link, useRouter } from '../router.js';

/** How many earlier versions the history walks back (each step is one audited read). */
const HISTORY_STEPS = 8;

interface HistoryStep {
  stored: StoredEntity;
  /** Fields that differ from the next newer step. */
  changed: string[];
}

const COMPARED: Array<keyof Entity> = ['caption', 'names', 'birthDates', 'birthPlaces', 'nationalities', 'citizenships', 'gender', 'documents', 'addresses', 'listings', 'relations', 'remarks', 'properties', 'schema'];

function changedFields(newer: Entity, older: Entity): string[] {
  return COMPARED.filter((field) => JSON.stringify(newer[field]) !== JSON.stringify(older[field]));
}

/**
 * The record as of each version in which its content changed, newest first: each stored entity
 * names the first version (`since`) with that content, so the one before is read next.
 */
async function loadHistory(id: string, version: number | undefined, signal: AbortSignal): Promise<{ steps: HistoryStep[]; complete: boolean }> {
  const first = await api<StoredEntity>(`/v1/entities/${encodeURIComponent(id)}`, { query: { version, purpose: 'entity review' }, signal });
  const steps: HistoryStep[] = [{ stored: first, changed: [] }];
  let cursor = first.since - 1;
  while (cursor >= 1 && steps.length < HISTORY_STEPS) {
    let older: StoredEntity;
    try {
      older = await api<StoredEntity>(`/v1/entities/${encodeURIComponent(id)}`, { query: { version: cursor, purpose: 'entity history' }, signal });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) break;
      throw error;
    }
    const newer = steps[steps.length - 1] as HistoryStep;
    newer.changed = changedFields(newer.stored.entity, older.entity);
    steps.push({ stored: older, changed: [] });
    cursor = older.since - 1;
  }
  return { steps, complete: cursor < 1 || steps.length < HISTORY_STEPS };
}

function scriptLabel(script: string | undefined): string | undefined {
  if (script === undefined) return undefined;
  const names: Record<string, string> = { Latn: 'Latin', Arab: 'Arabic', Cyrl: 'Cyrillic', Hans: 'Chinese (simplified)', Hant: 'Chinese (traditional)', Hebr: 'Hebrew', Kore: 'Korean', Jpan: 'Japanese', Grek: 'Greek' };
  return names[script] ?? script;
}

export function EntityPage({ id }: { id: string }) {
  const { search } = useRouter();
  const asked = search.get('version');
  const version = asked !== null && /^\d+$/.test(asked) ? Number(asked) : undefined;
  const resource = useResource(`${id}@${version ?? 'current'}`, (signal) => loadHistory(id, version, signal));
  const stored = resource.data?.steps[0]?.stored;
  const heading = usePageTitle(stored?.entity.caption ?? id);
  const entity = stored?.entity;
  const byKind = useMemo(() => {
    const order = ['primary', 'original_script', 'alias', 'weak_alias', 'former'];
    return [...(entity?.names ?? [])].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  }, [entity]);

  return (
    <div className="page">
      <div className="page__head">
        <p className="crumbs">
          <Link to="/lists">Lists</Link> / {stored?.source ?? id.split(':')[0]}
        </p>
        <h1 ref={heading} tabIndex={-1} dir="auto">
          {entity?.caption ?? id}
        </h1>
        {stored !== undefined && (
          <p className="lede">
            <Badge tone="info">{entity?.schema}</Badge> {id} · as of {stored.source} version {stored.version}
            {' '}· this content since version {stored.since}
          </p>
        )}
      </div>
      {resource.loading && <Loading label="Reading the listed record" />}
      {resource.error !== undefined && <ErrorNote error={resource.error} what="The listed record" />}
      {entity !== undefined && stored !== undefined && (
        <div className="columns">
          <div className="columns__main">
            <Section title="Names">
              <table className="table">
                <caption className="visually-hidden">All names of {entity.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Script</th>
                    <th scope="col">Note</th>
                  </tr>
                </thead>
                <tbody>
                  {byKind.map((name, i) => (
                    <tr key={i}>
                      <td dir="auto" lang={name.lang} className="name-cell">
                        {name.full}
                      </td>
                      <td>{humanise(name.kind)}</td>
                      <td>{scriptLabel(name.script) ?? '—'}</td>
                      <td>{name.note ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Section>
            <Section title="Documents">
              {entity.documents.length === 0 ? (
                <Empty>No identity document listed.</Empty>
              ) : (
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">Type</th>
                      <th scope="col">Number</th>
                      <th scope="col">Country</th>
                      <th scope="col">Note</th>
                    </tr>
                  </thead>
                  <tbody>
                    {entity.documents.map((d, i) => (
                      <tr key={i}>
                        <td>{humanise(d.type)}</td>
                        <td className="mono">{d.number}</td>
                        <td>{d.country ?? '—'}</td>
                        <td>{d.note ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </Section>
            <Section title="Relations">
              {entity.relations.length === 0 ? (
                <Empty>No relation listed.</Empty>
              ) : (
                <ul className="plain-list">
                  {entity.relations.map((r, i) => (
                    <li key={i}>
                      <Badge>{humanise(r.type)}</Badge>{' '}
                      {r.targetId !== undefined ? <Link to={`/entities/${encodeURIComponent(r.targetId)}`}>{r.targetName ?? r.targetId}</Link> : <span dir="auto">{r.targetName}</span>}
                      {r.note !== undefined && <span className="muted"> — {r.note}</span>}
                    </li>
                  ))}
                </ul>
              )}
            </Section>
            {entity.remarks.length > 0 && (
              <Section title="Remarks as listed">
                {entity.remarks.map((remark, i) => (
                  <p key={i} className="remark" dir="auto">
                    {remark}
                  </p>
                ))}
              </Section>
            )}
          </div>
          <div className="columns__side">
            <Section title="Identity">
              <Facts
                rows={[
                  ['Dates of birth', entity.birthDates.length > 0 ? entity.birthDates.map(birthDateText).join('; ') : undefined],
                  ['Places of birth', entity.birthPlaces.join('; ') || undefined],
                  ['Nationalities', entity.nationalities.join(', ') || undefined],
                  ['Citizenships', entity.citizenships.join(', ') || undefined],
                  ['Gender', entity.gender !== undefined ? humanise(entity.gender) : undefined],
                  ['Addresses', entity.addresses.length > 0 ? entity.addresses.map((a) => a.full ?? [a.street, a.city, a.region, a.country].filter(Boolean).join(', ')).join('; ') : undefined],
                ]}
              />
            </Section>
            <Section title="Programmes">
              {entity.listings.length === 0 ? (
                <Empty>No programme listed.</Empty>
              ) : (
                <ul className="plain-list">
                  {entity.listings.map((l, i) => (
                    <li key={i}>
                      <strong>{l.program}</strong> <span className="muted">({l.authority})</span>
                      {l.listedOn !== undefined && <div className="small muted">listed on {l.listedOn}</div>}
                      {l.reference !== undefined && <div className="small muted">reference {l.reference}</div>}
                    </li>
                  ))}
                </ul>
              )}
            </Section>
            <Section title="Version history">
              <ol className="timeline">
                {resource.data?.steps.map((step, i, steps) => (
                  <li key={step.stored.since}>
                    <Link to={`/entities/${encodeURIComponent(id)}?version=${step.stored.since}`}>
                      {stored.source} v{step.stored.since}
                      {i === 0 && step.stored.version !== step.stored.since ? `–v${step.stored.version}` : ''}
                    </Link>
                    <div className="small muted">
                      {step.changed.length > 0
                        ? `changed: ${step.changed.map(humanise).join(', ')}`
                        : i === steps.length - 1 && resource.data?.complete === true
                          ? step.stored.since === 1
                            ? 'in the first version imported'
                            : 'added in this version'
                          : 'earlier versions not shown'}
                    </div>
                  </li>
                ))}
              </ol>
            </Section>
          </div>
        </div>
      )}
    </div>
  );
}
