import type { EntitySchema, NamePartRole } from '../domain/index.js';

/**
 * ISO 15924 code of the script a name (or a token) was written in. `Mixed` when no script holds
 * four fifths of the letters; `Zyyy` when there are no letters at all (digits, punctuation).
 * Scripts without a rule of their own are reported as `Other` and transliterated by `any-ascii`.
 */
export type Script =
  | 'Latn'
  | 'Arab'
  | 'Cyrl'
  | 'Grek'
  | 'Hebr'
  | 'Hani'
  | 'Hang'
  | 'Kana'
  | 'Other'
  | 'Mixed'
  | 'Zyyy';

/**
 * What a token is in its name. Only `given`, `family`, `patronymic` and `unknown` identify a
 * person or organisation; the others are furniture that must never make a match on their own.
 * `unknown` is the honest answer when the structure does not say (`Osama Bin Laden` has no comma
 * and no parts): the matcher is order-free and must not rely on given/family being set.
 */
export type TokenRole =
  | 'given'
  | 'family'
  | 'patronymic'
  | 'particle'
  | 'title'
  | 'initial'
  | 'legal_form'
  | 'unknown';

/** What kind of name this is; from the schema hint, else `organization` when a legal form is seen. */
export type NameKind = 'person' | 'organization' | 'vessel' | 'aircraft' | 'unknown';

/** What the caller knows about a name besides its text. Every field is optional. */
export interface NameHints {
  /** The entity's schema: decides whether legal forms, titles and comma order are looked for. */
  schema?: EntitySchema | undefined;
  /**
   * ISO 15924 script the source declares. Detection from the letters wins when they disagree;
   * the hint only matters for language variants such as Ukrainian or Serbian Cyrillic.
   */
  script?: string | undefined;
  /** BCP 47 language when the source gives one (`uk`, `be`, `kk`, `tg`, `sr`, `fa`, ...). */
  lang?: string | undefined;
  /**
   * Name parts as the source gives them, in order. When present, the tokens come from the parts
   * (so each token carries its part's role) and `raw` is kept for display only.
   */
  parts?: readonly { role: NamePartRole; value: string }[] | undefined;
}

/** One word of a name, after transliteration and folding. */
export interface NameToken {
  /**
   * Folded ASCII: lower case `a-z0-9` only, never empty. For a legal form it is the class's
   * canonical abbreviation (`llc` for `ООО`, `Limited Liability Company` or `TOV`).
   */
  readonly text: string;
  /** The token as written in the input (`Мухаммад`, `AL-`, `ООО`), for explanations. */
  readonly source: string;
  /** Script the token was written in. */
  readonly script: Script;
  readonly role: TokenRole;
  /**
   * Consonant skeleton of `text` (see `skeletonOf`): vowels dropped, spelling families merged
   * (kh/h, q/k, j/dj/zh/y, sh/ch/sch/s/z, w/v, ph/f, th/t, dh/d, gh/g, doubled letters), so that
   * romanisations of one name meet and an Arabic-script spelling without short vowels meets its
   * romanisations. Equal skeletons are strong evidence only for skeletons of 3+ letters.
   */
  readonly skeleton: string;
  /** Where the vowels of `text` sit around its skeleton (see `vowelPatternOf`). */
  readonly vowels: string;
  /**
   * Ids of the variant classes the token belongs to (Mohammed/Muhammad/محمد/Мухаммад share one;
   * Sheikh/Shaykh/شيخ share one; LLC/ООО/TOV share one). Sorted ascending, possibly empty.
   * Two tokens sharing an id are spellings of the same name. Ids are stable only within one
   * `NAME_VARIANTS_VERSION`; anything stored must be recomputed when it changes.
   */
  readonly variantIds: readonly number[];
  /**
   * Prior weight of the role, in (0, 1]: 1 for given/family/unknown, lower for patronymics and
   * initials, near zero for particles, titles and legal forms. The matcher multiplies it by the
   * token's rarity in its index.
   */
  readonly weight: number;
}

/** Why an alternative form exists. */
export type AlternativeReason =
  /** A particle chain joined to the word it belongs to: `al Baghdadi` -> `albaghdadi`. */
  | 'particle'
  /** Words the source hyphenated: `Jong-un` -> `jongun`. */
  | 'hyphen'
  /** Syllables of a Chinese or Korean given name: `Jong Un` -> `jongun`. */
  | 'syllables'
  /** Two short neighbouring words some writers join: `Abu Bakr` -> `abubakr`. */
  | 'adjacent'
  /** A leading Arabic article written attached, removed: `Albaghdadi` -> `baghdadi`. */
  | 'article';

/**
 * Another way the same words are written, so that joined and split spellings meet. An
 * alternative spans tokens `start..end` (inclusive) and stands for them as one word; for
 * `article` alternatives `start === end` and the text is the token without its article.
 */
export interface NameAlternative {
  readonly text: string;
  readonly skeleton: string;
  readonly vowels: string;
  readonly variantIds: readonly number[];
  readonly start: number;
  readonly end: number;
  readonly reason: AlternativeReason;
}

/** The one analysed form of a name, used alike by the index, queries, vetting and explanations. */
export interface NameForm {
  /** The input, unchanged. */
  readonly raw: string;
  /** Dominant script of the input letters. */
  readonly script: Script;
  readonly kind: NameKind;
  /**
   * The whole name transliterated and folded: lower-case `a-z0-9` words separated by single
   * spaces, in input order (a legal form is spelled out here as written, e.g. `ooo romashka`;
   * a Russian name in German spelling too: `iwanow`, where its token reads `ivanov`).
   * Analysing `latin` again gives the same `latin`.
   */
  readonly latin: string;
  /** Tokens in input order. Empty only when the input has no letters or digits. */
  readonly tokens: readonly NameToken[];
  /** Joined and stripped spellings (see `NameAlternative`); never duplicates a token's text. */
  readonly alternatives: readonly NameAlternative[];
  /**
   * Order-free exact key: texts of the identifying tokens (not particles, titles or legal
   * forms), sorted, joined by one space. `ROMASHKA LLC` and `ООО "Ромашка"` share `romashka`.
   */
  readonly key: string;
  /** The same over skeletons: an order-free fuzzy whole-name key. */
  readonly skeletonKey: string;
  /**
   * True when the kind is unknown and the name holds only two-letter legal forms at its start
   * or end (`UZGA AO`, `AO FZMT`, but also `Maria Sa`): they are kept as words here, and the
   * name read again with the `Organization` schema hint gives its reading as a company. A
   * matcher should try both readings.
   */
  readonly organizationReading: boolean;
}
