import { countryCode } from './country-code.js';
import { parseBirthDate } from './birth-date.js';
import type { RemarkFacts } from './remark-facts.js';

type Rule = { pattern: RegExp; apply: (value: string, facts: RemarkFacts, match: RegExpExecArray) => boolean };

function pushCountry(list: string[], value: string): boolean {
  const code = countryCode(value);
  if (code === undefined) return false;
  if (!list.includes(code)) list.push(code);
  return true;
}

/** The `alt.` prefix marks a further value of the same kind; it changes nothing here. */
const RULES: Rule[] = [
  {
    pattern: /^(?:alt\.\s+)?DOB\s+(.+)$/,
    apply: (value, facts) => {
      const date = parseBirthDate(value);
      if (date !== undefined) facts.birthDates.push(date);
      return date !== undefined;
    },
  },
  {
    pattern: /^(?:alt\.\s+)?POB\s+(.+)$/,
    apply: (value, facts) => {
      facts.birthPlaces.push(value);
      return true;
    },
  },
  { pattern: /^(?:alt\.\s+)?nationality\s+(.+)$/, apply: (value, facts) => pushCountry(facts.nationalities, value) },
  { pattern: /^(?:alt\.\s+)?citizen\s+(.+)$/, apply: (value, facts) => pushCountry(facts.citizenships, value) },
  {
    pattern: /^Gender\s+(Male|Female)$/i,
    apply: (value, facts) => {
      facts.gender = value.toLowerCase() === 'male' ? 'male' : 'female';
      return true;
    },
  },
  {
    // OFAC puts only weak (low-quality) aliases in Remarks; strong ones are in alt.csv.
    pattern: /^([afn])\.k\.a\.,?\s*'(.+)'$/,
    apply: (value, facts, match) => {
      facts.names.push({ full: value, kind: match[1] === 'f' ? 'former' : 'weak_alias' });
      return true;
    },
  },
  {
    pattern: /^Linked To:\s*(.+)$/,
    apply: (value, facts) => {
      facts.links.push(value);
      return true;
    },
  },
];

/** Applies the first identity rule (DOB, POB, nationality, citizen, gender, weak alias, link) that fits. */
export function applyIdentityClause(clause: string, facts: RemarkFacts): boolean {
  for (const rule of RULES) {
    const match = rule.pattern.exec(clause);
    const value = match?.[match.length - 1];
    if (match !== null && value !== undefined) return rule.apply(value.trim(), facts, match);
  }
  return false;
}
