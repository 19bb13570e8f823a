import type { AdvisoryDetail, AdvisoryView } from '../../../advisories/index.js';
import { table } from '../../output.js';

export function renderList(views: AdvisoryView[]): string {
  if (views.length === 0) return 'no advisories';
  return table(
    ['id', 'scheme', 'level', 'status', 'scope', 'version', 'expires', 'title'],
    views.map((v) => [v.id, v.scheme, v.levelName, v.status, v.scope, v.version, v.expiresAt ?? '', v.title]),
  );
}

export function renderDetail(detail: AdvisoryDetail): string {
  const lines = [`${detail.id}  ${detail.schemeName} ${detail.levelName}: ${detail.title}`];
  const field = (label: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') lines.push(`${label.padEnd(13)}${value}`);
  };
  field('status', `${detail.status}, version ${detail.version}`);
  field('scope', detail.scope === 'private' ? `private: ${(detail.addresses ?? []).join(', ')}` : detail.scope);
  field('response', detail.responseLevel);
  field('issued', detail.issuedAt);
  field('updated', detail.updatedAt !== detail.issuedAt ? detail.updatedAt : undefined);
  field('expires', detail.expiresAt);
  field('cancelled', detail.cancelledAt !== undefined ? `${detail.cancelledAt}${detail.cancelReason !== undefined ? ` (${detail.cancelReason})` : ''}` : undefined);
  field('regions', detail.regions.join(', '));
  field('sectors', detail.sectors.join(', '));
  field('ports', detail.ports.join(', '));
  field('routes', detail.routes.join(', '));
  field('summary', detail.summary);
  field('justification', detail.justification);
  if (detail.pending !== undefined) {
    field('pending', `version ${detail.pending.version} (${detail.pending.change}, ${detail.pending.state}) by ${detail.pending.authorId}${detail.pending.approvedBy !== undefined ? `, approved by ${detail.pending.approvedBy}` : ''}`);
  }
  lines.push('', 'history:');
  lines.push(
    table(
      ['version', 'change', 'state', 'level', 'published', 'expires', 'author', 'approved by'],
      detail.history.map((v) => [v.version, v.change, v.state, v.levelName, v.publishedAt ?? '', v.expiresAt ?? '', v.authorId ?? '', v.approvedBy ?? '']),
    ),
  );
  return lines.join('\n');
}

/** One line for a step that changed an advisory. */
export function renderStep(verb: string): (detail: AdvisoryDetail) => string {
  return (d) => {
    const pending = d.pending !== undefined ? `; version ${d.pending.version} is ${d.pending.state}` : '';
    return `${verb} ${d.id}: ${d.levelName}, ${d.status}, version ${d.version}${pending}`;
  };
}
