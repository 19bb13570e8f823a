import type { AdvisoryView, VersionView } from './advisory-view.js';
import type { CurrentLevel } from './current-levels.js';
import type { AdvisoryScheme } from './schemes.js';
import { escapeXml } from './xml.js';

export interface PageEntry {
  view: AdvisoryView;
  history: readonly VersionView[];
  note?: string;
}

export interface PageModel {
  schemes: readonly AdvisoryScheme[];
  levels: readonly CurrentLevel[];
  current: readonly PageEntry[];
  /** Expired, cancelled, and (under a `latest` scheme) superseded advisories, with a note saying which. */
  past: readonly PageEntry[];
  /** Who the page is for, in words ("the public", "j.doe (analyst)"). */
  audience: string;
  generatedAt: string;
  links: { feed: string; json: string; cap(id: string): string };
}

const h = escapeXml;

function when(iso: string | undefined): string {
  if (iso === undefined) return '';
  return `<time datetime="${h(iso)}">${h(iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC').replace(/Z$/, ' UTC'))}</time>`;
}

function prose(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p) => `<p>${h(p).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
}

function row(label: string, value: string): string {
  return value === '' ? '' : `<dt>${h(label)}</dt><dd>${value}</dd>`;
}

function section(title: string, text: string): string {
  return text.trim() === '' ? '' : `<h4>${h(title)}</h4>\n${prose(text)}`;
}

function levelsTable(model: PageModel): string {
  const rows: string[] = [];
  for (const scheme of model.schemes) {
    const levels = model.levels.filter((l) => l.scheme === scheme.id);
    const regions = scheme.regions ?? levels.map((l) => l.region);
    if (regions.length === 0) {
      rows.push(`<tr><th scope="row">${h(scheme.name)}</th><td colspan="4">No advisory in force</td></tr>`);
      continue;
    }
    for (const region of regions) {
      const level = levels.find((l) => l.region === region);
      rows.push(
        level === undefined
          ? `<tr><th scope="row">${h(scheme.name)}</th><td>${h(region)}</td><td colspan="3">No level published</td></tr>`
          : `<tr><th scope="row">${h(scheme.name)}</th><td>${h(region)}</td><td><strong class="level level-${h(level.level)}">${h(level.levelName)}</strong>${level.responseLevel !== undefined ? ` <span class="response">(response: ${h(level.responseLevel)})</span>` : ''}</td><td>${when(level.since)}</td><td><a href="#${h(level.advisoryId)}">${h(level.advisoryId)}</a></td></tr>`,
      );
    }
  }
  return `<table>
<caption>Current threat levels</caption>
<thead><tr><th scope="col">Scheme</th><th scope="col">Region</th><th scope="col">Level</th><th scope="col">Since</th><th scope="col">Advisory</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function historyList(history: readonly VersionView[]): string {
  if (history.length === 0) return '';
  const items = history.map((v) => {
    const who = [v.authorId !== undefined ? `written by ${h(v.authorId)}` : '', v.approvedBy !== undefined ? `approved by ${h(v.approvedBy)}` : ''].filter((s) => s !== '').join(', ');
    return `<li>Version ${v.version} (${h(v.change)}, ${h(v.state)}): <strong>${h(v.levelName)}</strong> — ${h(v.title)}${v.publishedAt !== undefined ? `; published ${when(v.publishedAt)}` : ''}${v.expiresAt !== undefined ? `; sunset ${when(v.expiresAt)}` : ''}${who !== '' ? `; ${who}` : ''}</li>`;
  });
  return `<details><summary>History (${history.length} version${history.length === 1 ? '' : 's'})</summary>\n<ol>\n${items.join('\n')}\n</ol>\n</details>`;
}

function scopeBadge(view: AdvisoryView): string {
  if (view.scope === 'public') return '';
  const label = view.scope === 'restricted' ? `Restricted: ${view.restriction ?? 'law enforcement and partners'}` : `Private: for ${(view.addresses ?? []).join(', ')}`;
  return `<p class="scope scope-${h(view.scope)}"><strong>${h(label)}</strong></p>`;
}

function article(entry: PageEntry, links: PageModel['links']): string {
  const { view } = entry;
  const label = entry.note ?? (view.status === 'published' ? undefined : view.status);
  const status = label === undefined ? '' : ` <span class="status">(${h(label)})</span>`;
  return `<article id="${h(view.id)}" class="advisory level-${h(view.level)}">
<h3>${h(view.levelName)}: ${h(view.title)}${status}</h3>
${scopeBadge(view)}
<dl>
${row('Scheme', h(view.schemeName))}
${row('Level', `${h(view.levelName)} — ${h(view.levelDescription)}`)}
${row('Response level', h(view.responseLevel ?? ''))}
${row('Issued', when(view.issuedAt))}
${row('Updated', view.updatedAt !== view.issuedAt ? when(view.updatedAt) : '')}
${row('Expires', when(view.expiresAt))}
${row('Cancelled', when(view.cancelledAt))}
${row('Regions', h(view.regions.join(', ')))}
${row('Sectors', h(view.sectors.join(', ')))}
${row('Ports', h(view.ports.join(', ')))}
${row('Routes', h(view.routes.join(', ')))}
</dl>
${prose(view.summary)}
${prose(view.details)}
${section('Why it was cancelled', view.cancelReason ?? '')}
${section('What the government is doing', view.governmentActions)}
${section('How you can help', view.publicActions)}
${section('How to stay informed', view.stayInformed)}
${view.justification !== undefined ? `<aside class="restricted"><h4>Justification (restricted)</h4>\n${prose(view.justification)}</aside>` : ''}
<p class="formats"><a href="${h(links.cap(view.id))}">CAP 1.2</a></p>
${historyList(entry.history)}
</article>`.replace(/\n{2,}/g, '\n');
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#111}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:.3rem .5rem;text-align:left}
.advisory{border:2px solid #555;padding:0 1rem;margin:1rem 0}.scope{background:#fde;padding:.3rem}
.restricted{background:#fee;border-left:4px solid #a00;padding:0 .5rem}dt{font-weight:bold}dd{margin:0 0 .3rem 1rem}`;

/** The public page: levels, current advisories and history, whole without JavaScript. */
export function renderAdvisoryPage(model: PageModel): string {
  const current = model.current.length === 0 ? '<p>There are no advisories in force.</p>' : model.current.map((e) => article(e, model.links)).join('\n');
  const past = model.past.length === 0 ? '<p>None.</p>' : model.past.map((e) => article(e, model.links)).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Threat advisories</title>
<link rel="alternate" type="application/atom+xml" title="Threat advisories" href="${h(model.links.feed)}">
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Threat advisories</h1>
<p>As of ${when(model.generatedAt)}, shown to ${h(model.audience)}.</p>
</header>
<main>
<section aria-labelledby="levels-heading">
<h2 id="levels-heading">Current threat levels</h2>
${levelsTable(model)}
</section>
<section aria-labelledby="current-heading">
<h2 id="current-heading">Current advisories</h2>
${current}
</section>
<section aria-labelledby="past-heading">
<h2 id="past-heading">Earlier advisories</h2>
${past}
</section>
</main>
<footer>
<p><a href="${h(model.links.feed)}">Atom feed</a> · <a href="${h(model.links.json)}">JSON</a></p>
</footer>
</body>
</html>
`;
}
