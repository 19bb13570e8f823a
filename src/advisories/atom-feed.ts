import type { AdvisoryView } from './advisory-view.js';
import { el, elWith, renderXml, textEl } from './xml.js';

export const ATOM_NAMESPACE = 'http://www.w3.org/2005/Atom';

export interface FeedLinks {
  /** The feed's own address. */
  self: string;
  /** The public HTML page. */
  page: string;
  /** The CAP message of one advisory. */
  cap(id: string): string;
  /** The JSON of one advisory. */
  json(id: string): string;
}

function lastChange(view: AdvisoryView): string {
  return [view.updatedAt, view.cancelledAt, view.status === 'expired' ? view.expiresAt : undefined]
    .filter((t): t is string => t !== undefined)
    .sort()
    .at(-1) ?? view.issuedAt ?? new Date(0).toISOString();
}

function entryTitle(view: AdvisoryView): string {
  const state = view.status === 'cancelled' ? 'Cancelled: ' : view.status === 'expired' ? 'Expired: ' : '';
  return `${state}${view.schemeName} ${view.levelName}: ${view.title}`;
}

function entryText(view: AdvisoryView): string {
  const lines = [view.summary, view.details, view.governmentActions !== '' ? `What the government is doing: ${view.governmentActions}` : '', view.publicActions !== '' ? `How you can help: ${view.publicActions}` : ''];
  lines.push(`Regions: ${view.regions.join(', ')}`);
  if (view.sectors.length > 0) lines.push(`Sectors: ${view.sectors.join(', ')}`);
  if (view.expiresAt !== undefined) lines.push(`Expires: ${view.expiresAt}`);
  return lines.filter((l) => l.trim() !== '').join('\n\n');
}

/**
 * An Atom feed of the advisories given, newest change first. Takes views already filtered by
 * `canSee` and built without restricted fields.
 */
export function toAtomFeed(views: readonly AdvisoryView[], links: FeedLinks, now: Date, title = 'Threat advisories'): string {
  const ordered = [...views].sort((a, b) => lastChange(b).localeCompare(lastChange(a)) || a.id.localeCompare(b.id));
  const updated = ordered[0] !== undefined ? lastChange(ordered[0]) : now.toISOString();
  const feed = elWith(
    'feed',
    { xmlns: ATOM_NAMESPACE },
    el('id', 'urn:vigil:advisories'),
    el('title', title),
    el('updated', updated),
    elWith('link', { rel: 'self', type: 'application/atom+xml', href: links.self }),
    elWith('link', { rel: 'alternate', type: 'text/html', href: links.page }),
    el('author', el('name', 'Vigil threat advisories')),
    ordered.map((view) =>
      el(
        'entry',
        el('id', `urn:vigil:advisory:${view.id}`),
        el('title', entryTitle(view)),
        el('updated', lastChange(view)),
        textEl('published', view.issuedAt),
        elWith('category', { term: `${view.scheme}:${view.level}`, label: `${view.schemeName} ${view.levelName}` }),
        elWith('link', { rel: 'alternate', type: 'text/html', href: `${links.page}#${view.id}` }),
        elWith('link', { rel: 'alternate', type: 'application/cap+xml', href: links.cap(view.id) }),
        elWith('link', { rel: 'alternate', type: 'application/json', href: links.json(view.id) }),
        el('summary', view.summary),
        elWith('content', { type: 'text' }, entryText(view)),
      ),
    ),
  );
  return renderXml(feed);
}
