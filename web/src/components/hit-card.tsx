import { useState } from 'react';
import { api } from '../api/client.js';
import type { BirthDate, Hit, StoredEntity, Subject } from '../api/types.js';
import { hasRole, READERS, useAuth } from '../auth.js';
import { Link } from '../router.js';
import { ExplanationView } from './explanation.js';
import { formatDateTime, humanise } from '../lib/format.js';
import { Badge, ErrorNote, Loading, ScoreBar } from './ui.js';

export function birthDateText(date: BirthDate): string {
  if (date.kind === 'range') return `${date.from} to ${date.to}`;
  return date.kind === 'approximate' ? `circa ${date.date}` : date.date;
}

function sameNumber(a: string, b: string): boolean {
  const norm = (s: string): string => s.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
  return norm(a) === norm(b);
}

/** The subject's facts beside the listed record's: dates of birth, nationality, documents. */
function RecordComparison({ subject, stored }: { subject: Subject; stored: StoredEntity }) {
  const entity = stored.entity;
  const listedDates = entity.birthDates.map(birthDateText);
  const listedCountries = [...new Set([...entity.nationalities, ...entity.citizenships])];
  const subjectDocs = subject.documents ?? [];
  return (
    <table className="table table--compact comparison">
      <caption>Screened subject beside the listed record (version {stored.version})</caption>
      <thead>
        <tr>
          <th scope="col">Fact</th>
          <th scope="col">Screened</th>
          <th scope="col">Listed</th>
        </tr>
      </thead>
      <tbody>
        <tr>
          <th scope="row">Date of birth</th>
          <td>{subject.birthDate ?? '—'}</td>
          <td>
            {listedDates.length === 0
              ? '—'
              : listedDates.map((d) => {
                  const agrees = subject.birthDate !== undefined && d.includes(subject.birthDate);
                  return (
                    <div key={d} className={agrees ? 'agrees' : undefined}>
                      {d}
                      {agrees && <span className="agrees__mark"> same</span>}
                    </div>
                  );
                })}
          </td>
        </tr>
        <tr>
          <th scope="row">Nationality</th>
          <td>{subject.nationality ?? '—'}</td>
          <td>
            {listedCountries.length === 0
              ? '—'
              : listedCountries.map((c) => {
                  const agrees = subject.nationality !== undefined && subject.nationality.trim().toUpperCase() === c;
                  return (
                    <div key={c} className={agrees ? 'agrees' : undefined}>
                      {c}
                      {agrees && <span className="agrees__mark"> same</span>}
                    </div>
                  );
                })}
          </td>
        </tr>
        <tr>
          <th scope="row">Documents</th>
          <td>{subjectDocs.length === 0 ? '—' : subjectDocs.map((d, i) => <div key={i}>{`${d.type.replace('_', ' ')} ${d.number}${d.country !== undefined ? ` (${d.country})` : ''}`}</div>)}</td>
          <td>
            {entity.documents.length === 0
              ? '—'
              : entity.documents.map((d, i) => {
                  const agrees = subjectDocs.some((s) => sameNumber(s.number, d.number));
                  return (
                    <div key={i} className={agrees ? 'agrees' : undefined}>
                      {`${d.type.replace('_', ' ')} ${d.number}${d.country !== undefined ? ` (${d.country})` : ''}`}
                      {agrees && <span className="agrees__mark"> same number</span>}
                    </div>
                  );
                })}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** One hit: who, how strong, and why, with the listed record a click away for readers. */
export function HitCard({ hit, subject, rank, open }: { hit: Hit; subject: Subject; rank: number; open: boolean }) {
  const { principal } = useAuth();
  const reader = hasRole(principal, ...READERS);
  const [record, setRecord] = useState<{ stored?: StoredEntity; error?: unknown; loading: boolean }>({ loading: false });
  const idPrefix = `hit-${rank}`;

  const compare = async (): Promise<void> => {
    setRecord({ loading: true });
    try {
      const stored = await api<StoredEntity>(`/v1/entities/${encodeURIComponent(hit.entityId)}`, { query: { purpose: 'screening comparison' } });
      setRecord({ stored, loading: false });
    } catch (error) {
      setRecord({ error, loading: false });
    }
  };

  return (
    <li className={hit.suppressed !== undefined ? 'hit hit--suppressed' : 'hit'}>
      <details open={open}>
        <summary>
          <span className="hit__head">
            <span className="hit__caption">{hit.caption}</span>
            <span className="hit__id">{hit.entityId}</span>
            {hit.suppressed !== undefined && <Badge tone="info">Set aside by redress</Badge>}
          </span>
          <span className="hit__matched">
            matched on “<bdi>{hit.matchedName}</bdi>”
          </span>
          <ScoreBar score={hit.score} />
        </summary>
        <div className="hit__body">
          {hit.suppressed !== undefined && (
            <p className="note note--info">
              A false positive was decided for this person and this listing on {formatDateTime(hit.suppressed.since)} ({humanise(hit.suppressed.reason)}); recognised by{' '}
              {hit.suppressed.via === 'redress_number' ? `redress number ${hit.suppressed.redressNumber ?? ''}` : 'the same identifying data'}. It does not count towards the decision while the listing is unchanged.
            </p>
          )}
          <ExplanationView explanation={hit.explanation} idPrefix={idPrefix} />
          <div className="hit__actions">
            {reader && (
              <>
                <Link to={`/entities/${encodeURIComponent(hit.entityId)}`} className="button button--secondary">
                  Open listed record
                </Link>
                {record.stored === undefined && (
                  <button type="button" className="button button--secondary" onClick={() => void compare()} disabled={record.loading}>
                    Compare dates and documents
                  </button>
                )}
              </>
            )}
          </div>
          {record.loading && <Loading label="Reading the listed record" />}
          {record.error !== undefined && <ErrorNote error={record.error} what="The listed record" />}
          {record.stored !== undefined && <RecordComparison subject={subject} stored={record.stored} />}
        </div>
      </details>
    </li>
  );
}
