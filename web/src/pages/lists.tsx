import { useEffect, useState } from 'react';
import { api } from '../api/client.js';
import type { ListDiff, ListVersion, SourceSummary } from '../api/types.js';
import { Badge, Empty, ErrorNote, Loading, Section } from '../components/ui.js';
import { formatDateTime, plural } from '../lib/format.js';
import { usePageTitle, useResource } from '../lib/hooks.js';
import { Link, useRouter } from '../router.js';

const DIFF_ROWS = 200;

function DiffView({ source, from, to }: { source: string; from: number; to: number }) {
  const diff = useResource(`${source}:${from}:${to}`, (signal) => api<ListDiff>(`/v1/lists/${encodeURIComponent(source)}/diff`, { query: { from, to, purpose: 'list review' }, signal }));
  if (diff.loading) return <Loading label="Comparing the versions" />;
  if (diff.error !== undefined) return <ErrorNote error={diff.error} what="The difference" />;
  const data = diff.data;
  if (data === undefined) return null;
  const groups: Array<{ key: 'added' | 'changed' | 'removed'; title: string; tone: 'good' | 'warn' | 'bad' }> = [
    { key: 'added', title: 'Added', tone: 'good' },
    { key: 'changed', title: 'Changed', tone: 'warn' },
    { key: 'removed', title: 'Removed', tone: 'bad' },
  ];
  return (
    <div className="diff" aria-live="polite">
      <p className="diff__totals">
        Version {data.from} → {data.to}: <Badge tone="good">{plural(data.added.length, 'added', 'added')}</Badge> <Badge tone="warn">{plural(data.changed.length, 'changed', 'changed')}</Badge>{' '}
        <Badge tone="bad">{plural(data.removed.length, 'removed', 'removed')}</Badge>
      </p>
      {groups.map(({ key, title, tone }) => {
        const rows = data[key];
        if (rows.length === 0) return null;
        return (
          <details key={key} className="diff__group" open={rows.length <= 20}>
            <summary>
              <Badge tone={tone}>{title}</Badge> {plural(rows.length, 'entity', 'entities')}
            </summary>
            <table className="table table--compact">
              <thead>
                <tr>
                  <th scope="col">Entity</th>
                  <th scope="col">Kind</th>
                  {key === 'changed' && <th scope="col">Fields changed</th>}
                </tr>
              </thead>
              <tbody>
                {rows.slice(0, DIFF_ROWS).map((row) => (
                  <tr key={row.id}>
                    <td>
                      <Link to={`/entities/${encodeURIComponent(row.id)}${key === 'removed' ? `?version=${data.from}` : ''}`} dir="auto">
                        {row.caption}
                      </Link>{' '}
                      <span className="muted small">{row.id}</span>
                    </td>
                    <td>{row.schema}</td>
                    {key === 'changed' && <td>{'fields' in row ? (row.fields as string[]).join(', ') : ''}</td>}
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length > DIFF_ROWS && <p className="muted small">First {DIFF_ROWS} of {rows.length} shown.</p>}
          </details>
        );
      })}
    </div>
  );
}

function SourceVersions({ source }: { source: string }) {
  const versions = useResource(source, (signal) => api<{ versions: ListVersion[] }>(`/v1/lists/${encodeURIComponent(source)}/versions`, { signal }));
  const list = versions.data?.versions ?? [];
  const newest = list[list.length - 1]?.version;
  const [to, setTo] = useState<number | undefined>(undefined);
  const [from, setFrom] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (newest !== undefined) {
      setTo(newest);
      setFrom(newest - 1);
    }
  }, [newest]);
  if (versions.loading) return <Loading label="Reading versions" />;
  if (versions.error !== undefined) return <ErrorNote error={versions.error} what="Versions" />;
  return (
    <>
      <table className="table">
        <caption className="visually-hidden">Versions of {source}, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Imported</th>
            <th scope="col">File</th>
            <th scope="col" className="num">
              Entities
            </th>
            <th scope="col" className="num">
              Added
            </th>
            <th scope="col" className="num">
              Changed
            </th>
            <th scope="col" className="num">
              Removed
            </th>
          </tr>
        </thead>
        <tbody>
          {[...list].reverse().map((v) => (
            <tr key={v.version}>
              <td>
                v{v.version} {v.version === newest && <Badge tone="info">current</Badge>}
              </td>
              <td>{formatDateTime(v.importedAt)}</td>
              <td className="small">{v.fileNames.join(', ')}</td>
              <td className="num">{v.entityCount.toLocaleString('en-GB')}</td>
              <td className="num">{v.added.toLocaleString('en-GB')}</td>
              <td className="num">{v.changed.toLocaleString('en-GB')}</td>
              <td className="num">{v.removed.toLocaleString('en-GB')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {newest !== undefined && to !== undefined && from !== undefined && (
        <form className="diff-form" onSubmit={(e) => e.preventDefault()} aria-label={`Compare versions of ${source}`}>
          <div className="field field--inline">
            <label htmlFor={`${source}-from`}>From</label>
            <select id={`${source}-from`} value={from} onChange={(e) => setFrom(Number(e.target.value))}>
              <option value={0}>nothing (v0)</option>
              {list.map((v) => (
                <option key={v.version} value={v.version}>
                  v{v.version}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--inline">
            <label htmlFor={`${source}-to`}>To</label>
            <select id={`${source}-to`} value={to} onChange={(e) => setTo(Number(e.target.value))}>
              {list.map((v) => (
                <option key={v.version} value={v.version}>
                  v{v.version}
                </option>
              ))}
            </select>
          </div>
        </form>
      )}
      {to !== undefined && from !== undefined && from < to && <DiffView source={source} from={from} to={to} />}
      {to !== undefined && from !== undefined && from >= to && <p className="muted">Choose an earlier “from” version to see what changed.</p>}
    </>
  );
}

export function ListsPage() {
  const heading = usePageTitle('Lists');
  const { search, navigate } = useRouter();
  const sources = useResource('sources', (signal) => api<{ sources: SourceSummary[] }>('/v1/lists', { signal }));
  const chosen = search.get('source') ?? sources.data?.sources[0]?.source;
  return (
    <div className="page">
      <div className="page__head">
        <h1 ref={heading} tabIndex={-1}>
          Lists and their versions
        </h1>
        <p className="lede">Every import is a version; the differences between versions are what vetting re-checks.</p>
      </div>
      {sources.loading && <Loading label="Reading the lists" />}
      {sources.error !== undefined && <ErrorNote error={sources.error} what="The lists" />}
      {sources.data !== undefined && sources.data.sources.length === 0 && <Empty>No list imported yet.</Empty>}
      {sources.data !== undefined && sources.data.sources.length > 0 && (
        <>
          <div className="source-tabs" role="group" aria-label="Sources">
            {sources.data.sources.map((s) => (
              <button key={s.source} type="button" className={s.source === chosen ? 'source-tab source-tab--current' : 'source-tab'} aria-pressed={s.source === chosen} onClick={() => navigate(`/lists?source=${encodeURIComponent(s.source)}`, { replace: true })}>
                <span className="source-tab__name">{s.source}</span>
                <span className="source-tab__meta">
                  v{s.currentVersion} · {plural(s.entityCount, 'entity', 'entities')}
                </span>
              </button>
            ))}
          </div>
          {chosen !== undefined && (
            <Section title={`${chosen} versions`} id="versions">
              <SourceVersions key={chosen} source={chosen} />
            </Section>
          )}
        </>
      )}
    </div>
  );
}
