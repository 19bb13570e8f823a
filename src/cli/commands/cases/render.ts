import type { CaseDetail, CasePage, DecisionResult, DecisionView } from '../../../cases/index.js';
import { table } from '../../output.js';

function age(seconds: number): string {
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)}h`;
  return `${Math.floor(seconds / 86_400)}d`;
}

function names(name: string | string[]): string {
  return typeof name === 'string' ? name : name.join(' / ');
}

export function renderPage(page: CasePage): string {
  if (page.cases.length === 0) return 'no cases';
  const rows = page.cases.map((c) => [c.id, c.status, c.priority, c.decision, c.outcome ?? '', age(c.ageSeconds), c.owner ?? '', c.channel ?? '', c.port ?? '', c.hitCount, c.awaitingConfirmation > 0 ? 'confirm' : '', names(c.subject.name)]);
  const footer = page.total > page.offset + page.cases.length ? `\n${page.offset + 1}-${page.offset + page.cases.length} of ${page.total}: --offset ${page.offset + page.cases.length} for more` : '';
  return table(['id', 'status', 'priority', 'screening', 'outcome', 'age', 'owner', 'channel', 'port', 'hits', 'awaiting', 'subject'], rows) + footer;
}

function decisionLine(d: DecisionView): string {
  const confirmed = d.confirmedBy !== undefined ? `, confirmed by ${d.confirmedBy}` : '';
  return `${d.seq}. ${d.outcome} (${d.reasonCode}) by ${d.decidedBy} at ${d.decidedAt}: ${d.state}${confirmed}  [${d.id}]${d.note !== undefined ? `\n     ${d.note}` : ''}`;
}

export function renderDetail(c: CaseDetail): string {
  const lines = [`${c.id}  ${c.status}${c.outcome !== undefined ? ` (${c.outcome})` : ''}, ${c.priority} priority, screening said ${c.decision}`];
  const field = (label: string, value: string | undefined): void => {
    if (value !== undefined && value !== '') lines.push(`${label.padEnd(12)}${value}`);
  };
  const s = c.subject;
  field('subject', `${names(s.name)} [${s.id}]${s.birthDate !== undefined ? `, born ${s.birthDate}` : ''}${s.nationality !== undefined ? `, ${s.nationality}` : ''}`);
  field('documents', (s.documents ?? []).map((d) => `${d.type} ${d.number}${d.country !== undefined ? ` (${d.country})` : ''}`).join(', '));
  field('where', [c.channel, c.port].filter((v) => v !== undefined).join(' at '));
  field('opened', `${c.openedAt} by ${c.openedBy} (${c.source}${c.alertId !== undefined ? ` ${c.alertId}` : ''}), ${age(c.ageSeconds)} ago`);
  field('owner', c.owner ?? 'unassigned');
  field('posture', c.posture !== undefined ? `${String(c.posture['id'])}${c.posture['enhanced'] !== undefined ? `, enhanced: ${String(c.posture['enhanced'])}` : ''}` : undefined);
  field('lists', Object.entries(c.listVersions).map(([source, version]) => `${source} v${version}`).join(', '));
  field('redress', [c.redress.presented !== undefined ? `presented ${c.redress.presented}` : '', c.redress.issued !== undefined ? `issued ${c.redress.issued}` : ''].filter(Boolean).join('; '));
  for (const hit of c.hits) {
    lines.push('', `hit ${hit.entityId}  ${hit.caption}  score ${hit.score.toFixed(3)}  ${hit.state}${hit.outcome !== undefined ? ` ${hit.outcome}` : ''}`);
    const summary = hit.explanation['summary'];
    if (typeof summary === 'string') lines.push(`  ${summary}`);
    if (hit.suppressed !== undefined) lines.push(`  suppressed by decision ${hit.suppressed.decisionId} (${hit.suppressed.reason}) since ${hit.suppressed.since}`);
    for (const d of hit.history) lines.push(`  ${decisionLine(d)}`);
  }
  return lines.join('\n');
}

export function renderDecision(result: DecisionResult): string {
  const d = result.decision;
  const next = d.state === 'proposed' ? `; a second supervisor confirms it: vigil cases confirm ${d.caseId} ${d.entityId} ${d.id}` : '';
  const redress = result.redressNumberIssued !== undefined ? `\nredress number issued to the traveller: ${result.redressNumberIssued}` : '';
  return `${d.outcome} on ${d.entityId} in ${d.caseId}: ${d.state} [${d.id}]${next}; case ${result.case.status}${redress}`;
}
