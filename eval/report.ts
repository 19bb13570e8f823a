import type { DatasetSummary } from './datasets/types.js';
import type { NegativeMetrics, PairMetrics, PositiveMetrics } from './evaluate.js';

/** One system's figures (the engine, or the baseline at one threshold). */
export interface SystemReport {
  name: string;
  /** How the threshold was chosen, for people to read. */
  threshold: number;
  thresholdNote: string;
  positives: Record<string, PositiveMetrics>;
  negatives: Record<string, NegativeMetrics>;
  pairs: PairMetrics;
  queriesPerSecond: number;
  queriesPerSecondNote: string;
}

export interface Example {
  category: string;
  subject: string;
  birthDate?: string;
  expected?: string;
  expectedName?: string;
  got?: string;
  score?: number;
  detail: string;
}

export interface EvaluationReport {
  date: string;
  seed: number;
  lists: { file: string; entities: number }[];
  names: number;
  dataset: DatasetSummary;
  pairs: { positives: number; hardNegatives: number };
  engine: { available: false; reason: string } | { available: true; module: string; buildMs: number; pairScoring: string };
  systems: SystemReport[];
  categories: Record<string, string>;
  engineMisses: Example[];
  engineFalseAlerts: Example[];
  baselineSweep: {
    threshold: number;
    recall: number;
    recallAt1: number;
    alertRatePeople: number;
    pairPrecision: number;
    pairRecall: number;
    pairF1: number;
  }[];
  timings: Record<string, number>;
}

const pct = (x: number): string => (Number.isNaN(x) ? '–' : `${(x * 100).toFixed(1)}%`);
const pct2 = (x: number): string => (Number.isNaN(x) ? '–' : `${(x * 100).toFixed(2)}%`);
const num = (x: number, d = 3): string => (Number.isNaN(x) ? '–' : x.toFixed(d));

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** The headline table, printed to the console as well. */
export function summaryTable(report: EvaluationReport): string {
  return table(
    ['system', 'threshold', 'recall', 'recall@1', 'recall, name only', 'alert rate (people)', 'alert rate (orgs)', 'pair P', 'pair R', 'pair F1', 'ROC AUC', 'queries/s'],
    report.systems.map((s) => [
      s.name,
      num(s.threshold, 4),
      pct(s.positives['overall']?.recall ?? Number.NaN),
      pct(s.positives['overall']?.recallAt1 ?? Number.NaN),
      pct(s.positives['name only']?.recall ?? Number.NaN),
      pct2(s.negatives['people']?.alertRate ?? Number.NaN),
      pct2(s.negatives['organisations']?.alertRate ?? Number.NaN),
      num(s.pairs.precision),
      num(s.pairs.recall),
      num(s.pairs.f1),
      num(s.pairs.rocAuc),
      s.queriesPerSecond.toFixed(0),
    ]),
  );
}

function groupTable(report: EvaluationReport, prefix: string | undefined, kind: 'positives' | 'negatives'): string {
  const keys = new Set<string>();
  for (const s of report.systems) {
    for (const k of Object.keys(s[kind])) {
      if (prefix === undefined ? !k.includes(': ') : k.startsWith(prefix)) keys.add(k);
    }
  }
  const ordered = [...keys].sort();
  if (kind === 'positives') {
    return table(
      ['group', 'n', ...report.systems.flatMap((s) => [`${s.name} recall`, `${s.name} @1`])],
      ordered.map((k) => [
        k.replace(prefix ?? '', ''),
        String(report.systems[0]?.positives[k]?.n ?? 0),
        ...report.systems.flatMap((s) => [pct(s.positives[k]?.recall ?? Number.NaN), pct(s.positives[k]?.recallAt1 ?? Number.NaN)]),
      ]),
    );
  }
  return table(
    ['group', 'n', ...report.systems.map((s) => `${s.name} alert rate`)],
    ordered.map((k) => [
      k.replace(prefix ?? '', ''),
      String(report.systems[0]?.negatives[k]?.n ?? 0),
      ...report.systems.map((s) => pct2(s.negatives[k]?.alertRate ?? Number.NaN)),
    ]),
  );
}

function examples(list: readonly Example[]): string {
  if (list.length === 0) return '_none_';
  return table(
    ['category', 'subject', 'DOB', 'expected', 'best hit', 'score', 'how made'],
    list.map((e) => [
      e.category,
      e.subject.replace(/\|/g, '/'),
      e.birthDate ?? '',
      e.expected === undefined ? '' : `${e.expectedName ?? ''} (${e.expected})`,
      e.got ?? '',
      e.score === undefined ? '' : num(e.score),
      e.detail.replace(/\|/g, '/'),
    ]),
  );
}

export function renderMarkdown(report: EvaluationReport): string {
  const d = report.dataset;
  const engineLine = report.engine.available
    ? `Engine: \`${report.engine.module}\` (index built in ${(report.engine.buildMs / 1000).toFixed(1)} s). Pair scores: ${report.engine.pairScoring}.`
    : `Engine: not available yet (${report.engine.reason}).`;
  return `# Vigil accuracy evaluation

Generated ${report.date} by \`npm run eval\` (seed ${report.seed}). Regenerate rather than edit.

## Watchlist and sets

${report.lists.map((l) => `- \`${l.file}\`: ${l.entities} entities`).join('\n')}
- ${report.names} listed names in all (primary, aliases, weak aliases, former and original-script names).

| set | size |
|---|---|
| positives (subject -> expected entity) | ${d.positives} |
| negatives, people | ${d.negatives} |
| negatives, organisations | ${d.negativeOrganisations} |
| pairs: positives + hard negatives | ${report.pairs.positives} + ${report.pairs.hardNegatives} |
| generated negatives removed as listed names (folded equal / same words reordered) | ${d.negativesRemovedAsListed.exact} / ${d.negativesRemovedAsListed.reordered} |

${engineLine}

## Headline

${summaryTable(report)}

- **recall**: the expected entity is among the hits at or above the review threshold; so is the same
  person's or body's other entry, when the lists hold it twice (OFAC and UN): same primary or strong
  name in any word order, or for people the same full date of birth and a shared name word.
  **recall@1**: one of them is the best hit.
- **alert rate**: share of negatives whose decision is not \`clear\`.
- **pair P/R/F1** at the system's threshold, and **ROC AUC**, over (subject, entity, label) pairs:
  each positive with its expected entity, each negative with the listed entity the baseline finds
  most similar (hard negatives). For the engine the pair score is the hit's score, or, when the
  entity is not among the hits, the engine's own pairwise score (\`scoreSubject\`), so pair metrics
  measure scoring alone and recall measures candidates and scoring together.
- **queries/s**: one thread, one whole screening call per subject. ${report.systems
  .filter((s, i, all) => all.findIndex((o) => o.queriesPerSecondNote === s.queriesPerSecondNote) === i)
  .map((s) => `${s.name.replace(/ @.*/, '')}: ${s.queriesPerSecondNote}`)
  .join(' ')}
- The baseline's ROC AUC is close to 0.5 by construction: its negative pairs are its own best
  matches among all listed names, so they score as high as true matches do.

### The baseline's two thresholds

${report.systems
  .filter((s) => s.name.startsWith('baseline'))
  .map((s) => `- **${s.name}** (threshold ${num(s.threshold, 4)}): ${s.thresholdNote}`)
  .join('\n')}

${table(
  ['threshold', 'recall', 'recall@1', 'alert rate (people)', 'pair P', 'pair R', 'pair F1'],
  report.baselineSweep.map((r) => [num(r.threshold, 2), pct(r.recall), pct(r.recallAt1), pct2(r.alertRatePeople), num(r.pairPrecision), num(r.pairRecall), num(r.pairF1)]),
)}

The first is the threshold a tuning on labelled pairs would choose: it is where the baseline does
best on the pairs, and its alert rate shows what that costs on a real population of travellers.
The second is the threshold a screening centre would have to run at to keep false alerts at 0.5%,
the engine's target: its recall is what whole-string Jaro-Winkler can do under that constraint.

## Recall by group

${groupTable(report, undefined, 'positives')}

## Recall by category

${groupTable(report, 'category: ', 'positives')}

## Alert rate by group

${groupTable(report, undefined, 'negatives')}

## Alert rate by locale of the negatives

${groupTable(report, 'locale: ', 'negatives')}

## Alert rate by written form of the negatives

${groupTable(report, 'form: ', 'negatives')}

## Recall by list (OFAC writes people family name first, the UN given name first)

${groupTable(report, 'listed by: ', 'positives')}

## Recall of latin-from-cyrillic by romanisation

${groupTable(report, 'romanisation: ', 'positives')}

## Recall by date of birth given

${groupTable(report, 'date of birth: ', 'positives')}

## How the positives are made

${Object.entries(report.categories)
  .map(([k, v]) => `- **${k}** (${d.byCategory[k] ?? 0}): ${v}`)
  .join('\n')}

Every positive is in natural (given-first) order unless its category says otherwise; 60% of the
people carry the listed date of birth where the list has one (of those about 12% with day and month
swapped, 10% with the year off by one), 30% a listed nationality (code or English name). A
generated name that is another listing's name is dropped as ambiguous. Negatives: faker people of
${Object.keys(d.byLocale).length} locales (${Object.entries(d.byLocale)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}), 85% with a random date of birth, 75% with a nationality of the locale; names in
the locale's script or in the romanisation its documents use.

## Known limits of this yardstick

- **cyrillic-script** and **org-cyrillic** are rebuilt from the listed Latin spelling and kept only
  when they romanise back to it (BGN/ICAO round trip), so they carry no soft signs or ё the
  Latin lost (Татяна, not Татьяна): an engine with a BGN-style transliteration finds them easily.
  Only the 20 **orig-script-cyrillic** queries (and their re-romanisations) come from real
  Cyrillic. **latin-from-cyrillic** re-romanises that rebuilt Cyrillic; a scheme whose output
  equals the listed spelling is skipped, so BGN and ICAO are fewer than the others.
- **arabic-script-wd** and **cyrillic-script-wd** need every part in the Wikidata tables (one
  native form per Latin token, about 13,000 Arabic and 33,000 Russian tokens), so they are small
  and lean to common names. There are no Chinese-character, Korean or Japanese positives: pinyin
  and romanised Korean do not determine the characters without data we do not have.
- Re-spellings, typos and legal-form changes are rules written for this evaluation; they are
  independent of Vigil's tables but model the same phenomena, so an engine can still overfit to
  them: watch the per-category figures, not only the overall one.
- Negatives are faker names. Faker has no Hindi locale; \`en_IN\` stands in. Latin forms of
  Arabic-script negatives come from the Wikidata table read backwards and favour common names,
  on purpose (they are where false alerts come from). Organisation negatives are few and simple.
- The hard negative pairs are the baseline's choice, so they are not the engine's hardest: the
  engine's alert rate on the whole negative population is the figure to watch for precision.
- The "same person, other entry" rule (twins) is a heuristic; it can only make recall and
  recall@1 more lenient, by accepting the other list's entry for the same person.
- Figures depend on the adapters' output of the day (names, aliases, dates); queries/s depends
  on the load of a shared 2-core machine.

## Engine misses (a sample per category)

${examples(report.engineMisses)}

## Engine false alerts (highest scores)

${examples(report.engineFalseAlerts)}
`;
}
