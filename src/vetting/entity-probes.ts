import type { Entity } from '../domain/index.js';
import { analyseName, type NameForm } from '../names/index.js';
import { ListedFrequencies } from './part-weights.js';
import { joinable, MIN_DOCUMENT_LENGTH, normaliseDocumentNumber } from './tolerance.js';

/**
 * A name part (or alternative spelling) of a changed entity, as the screener's index holds it.
 * The index keeps one form per text (the first it met), and the same text analysed from another
 * script can carry other skeletons or variant classes; so a probe carries every form the text
 * has anywhere in the lists the screener uses, and finds at least what the index would.
 */
export interface ProbeToken {
  readonly text: string;
  readonly skeletons: ReadonlySet<string>;
  readonly variantIds: ReadonlySet<number>;
  /** Some occurrence was romanised from Arabic or Hebrew script. */
  readonly abjad: boolean;
}

/** One name of a changed entity, as a score bound reads it. */
export interface ProbeName {
  readonly parts: ReadonlyArray<{ readonly text: string; readonly roleWeight: number }>;
  readonly alternatives: ReadonlyArray<{ readonly text: string; readonly start: number; readonly end: number }>;
}

/** What the changed entities of one run are looked for by. */
export interface EntityProbes {
  /** The changed entities, in the order given. */
  readonly entities: readonly Entity[];
  /** Per changed entity, its names as the index analyses them. */
  readonly names: ReadonlyArray<readonly ProbeName[]>;
  /** Every part and alternative text of the changed entities. */
  readonly tokens: ReadonlyMap<string, ProbeToken>;
  /** Adjacent parts of one name written together -> the parts ("albaghdadi" -> al, baghdadi). */
  readonly compounds: ReadonlyMap<string, readonly string[]>;
  /** Part or alternative text -> the changed entities (positions in `entities`) that carry it. */
  readonly entitiesOfText: ReadonlyMap<string, readonly number[]>;
  /** Normalised document number -> the changed entities that list it. */
  readonly documents: ReadonlyMap<string, readonly number[]>;
  /** Entity frequencies over every listed entity, for part weights. */
  readonly frequencies: ListedFrequencies;
}

interface MutableProbe {
  text: string;
  skeletons: Set<string>;
  variantIds: Set<number>;
  abjad: boolean;
}

/** The index reads at most this many parts of a name, and this many alternatives. */
const MAX_PARTS = 30;
const MAX_ALTS = 32;

function formsOf(entity: Entity): NameForm[] {
  return entity.names.map((name) => analyseName(name.full, { schema: entity.schema, script: name.script }));
}

/** Alternatives as the index keeps them: not two short neighbours joined, within the limits. */
function indexedAlternatives(form: NameForm): NameForm['alternatives'] {
  return form.alternatives.filter((a) => a.reason !== 'adjacent' && a.end < MAX_PARTS && a.end < form.tokens.length).slice(0, MAX_ALTS);
}

function pushUnique<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

function isAbjad(form: NameForm, start: number, end: number): boolean {
  for (let k = start; k <= end; k++) {
    const script = form.tokens[k]?.script;
    if (script === 'Arab' || script === 'Hebr') return true;
  }
  return false;
}

/** Each part and alternative of a name, with its form. */
function forEachItem(form: NameForm, visit: (text: string, skeleton: string, variantIds: readonly number[], abjad: boolean) => void): void {
  form.tokens.forEach((t, k) => visit(t.text, t.skeleton, t.variantIds, isAbjad(form, k, k)));
  for (const a of form.alternatives) visit(a.text, a.skeleton, a.variantIds, isAbjad(form, a.start, a.end));
}

/** What the listed entities say about every part text: its forms anywhere, and frequencies. */
export interface ListedForms {
  readonly forms: ReadonlyMap<string, ProbeToken>;
  readonly frequencies: ListedFrequencies;
}

/**
 * Analyses every listed entity once (a snapshot's worth: callers keep it per snapshot): the
 * forms each part or alternative text has anywhere, and part frequencies as the index counts them.
 */
export function analyseListed(listed: Iterable<Entity>): ListedForms {
  const forms = new Map<string, MutableProbe>();
  const frequencies = new ListedFrequencies();
  for (const entity of listed) {
    const texts = new Set<string>();
    for (const form of formsOf(entity)) {
      if (form.tokens.length === 0) continue;
      for (const token of form.tokens) texts.add(token.text);
      for (const alt of indexedAlternatives(form)) texts.add(alt.text);
      forEachItem(form, (text, skeleton, variantIds, abjad) => {
        let probe = forms.get(text);
        if (probe === undefined) {
          probe = { text, skeletons: new Set(), variantIds: new Set(), abjad: false };
          forms.set(text, probe);
        }
        probe.skeletons.add(skeleton);
        for (const v of variantIds) probe.variantIds.add(v);
        if (abjad) probe.abjad = true;
      });
    }
    frequencies.addEntity(texts);
  }
  return { forms, frequencies };
}

/** Probes for the changed entities, with the forms their texts have among `listed`. */
export function entityProbes(changed: readonly Entity[], listed: ListedForms): EntityProbes {
  const tokens = new Map<string, MutableProbe>();
  const compounds = new Map<string, string[]>();
  const entitiesOfText = new Map<string, number[]>();
  const documents = new Map<string, number[]>();
  const names: ProbeName[][] = [];
  const addForm = (text: string, skeleton: string, variantIds: readonly number[], abjad: boolean): void => {
    let probe = tokens.get(text);
    if (probe === undefined) {
      probe = { text, skeletons: new Set(), variantIds: new Set(), abjad: false };
      tokens.set(text, probe);
      const elsewhere = listed.forms.get(text);
      if (elsewhere !== undefined) {
        for (const k of elsewhere.skeletons) probe.skeletons.add(k);
        for (const v of elsewhere.variantIds) probe.variantIds.add(v);
        if (elsewhere.abjad) probe.abjad = true;
      }
    }
    probe.skeletons.add(skeleton);
    for (const v of variantIds) probe.variantIds.add(v);
    if (abjad) probe.abjad = true;
  };
  changed.forEach((entity, e) => {
    const entityNames: ProbeName[] = [];
    for (const form of formsOf(entity)) {
      if (form.tokens.length === 0) continue;
      forEachItem(form, (text, skeleton, variantIds, abjad) => {
        addForm(text, skeleton, variantIds, abjad);
        pushUnique(entitiesOfText, text, e);
      });
      form.tokens.forEach((token, i) => {
        const next = form.tokens[i + 1];
        if (next !== undefined && joinable(token.text, next.text)) compounds.set(token.text + next.text, [token.text, next.text]);
      });
      entityNames.push({
        parts: form.tokens.map((t) => ({ text: t.text, roleWeight: t.weight })),
        alternatives: form.alternatives.map((a) => ({ text: a.text, start: a.start, end: a.end })),
      });
    }
    names.push(entityNames);
    for (const document of entity.documents) {
      const number = normaliseDocumentNumber(document.number);
      if (number.length >= MIN_DOCUMENT_LENGTH) pushUnique(documents, number, e);
    }
  });
  return { entities: changed, names, tokens, compounds, entitiesOfText, documents, frequencies: listed.frequencies };
}
