import { romaniseText, type RomaniseContext } from './romanise.js';

/**
 * Words that are furniture rather than identity: titles, particles and legal forms, each class
 * with one variant id shared across languages and scripts (`Sheikh` = `Shaykh` = `شيخ` = `Шейх`;
 * `LLC` = `ООО` = `TOV` = `Limited Liability Company`). Forms are written as people write them,
 * in any script; they are romanised by the same code as names, so a form matches exactly when a
 * name contains it.
 */

export type LexiconRole = 'title' | 'particle' | 'legal_form';

/**
 * When a particle counts as one:
 * - `prefix`: before another word (al, bin, abu, van): joined to what follows;
 * - `sun`: an assimilated Arabic article (ash-, ar-, ad-): only before a word starting with its
 *   consonant, so Korean `An` or Balkan `AD` are not taken for it;
 * - `inner`: prefix, but not as the first word (Vietnamese `Le`, `La` start names);
 * - `suffix`: after another word (oglu, zade, kyzy): joined to what precedes;
 * - `between`: between two words only (Spanish `y`, Portuguese `e`);
 * - `org`: only in organisation names (and, of, the).
 */
export type ParticleUse = 'prefix' | 'sun' | 'inner' | 'suffix' | 'between' | 'org';

export interface LexiconClass {
  /** Canonical name, also the text of a legal-form token. */
  readonly canon: string;
  readonly role: LexiconRole;
  readonly use: ParticleUse | undefined;
  readonly forms: readonly string[];
}

const cls = (role: LexiconRole, canon: string, forms: string, use?: ParticleUse): LexiconClass => ({
  canon,
  role,
  use,
  forms: forms.split('|').map((f) => f.trim()).filter((f) => f !== ''),
});

/** The classes. Appending is safe; reordering changes ids (see `LEXICON_ID_BASE`). */
export const LEXICON: readonly LexiconClass[] = [
  // ---------------------------------------------------------------- titles
  cls('title', 'sheikh', 'sheikh|shaykh|sheik|shaikh|shaik|shekh|sheykh|cheikh|cheik|shaich|shayk|شيخ|شیخ|шейх|шайх|шейх'),
  cls('title', 'haji', 'haji|hajji|hadji|hajj|haj|hadj|hadzhi|hoji|alhaj|alhaji|alhadji|elhadj|elhaj|elhadji|حاجي|حاجی|حاج|хаджи|ходжи|хожи|ҳоҷи|hajia|hajiya'),
  cls('title', 'mullah', 'mullah|mulla|molla|mollah|mulah|moulla|mula|ملا|мулла|молла'),
  cls('title', 'mawlawi', 'mawlawi|maulawi|maulvi|moulavi|mawlavi|maulavi|molvi|moulvi|mowlawi|mavlavi|mawlwi|mowlavi|مولوی|مولوي|мавлави|мавлавий'),
  cls('title', 'maulana', 'maulana|mawlana|molana|moulana|maolana|مولانا|мавлана'),
  cls('title', 'mufti', 'mufti|مفتي|مفتی|муфтий|муфти'),
  cls('title', 'imam', 'imam|امام|إمام|имам'),
  cls('title', 'sayyid', 'sayyid|sayyed|sayed|seyed|seyyed|syed|sayid|seyyid|sayyad|سيد|سید|сейид|сеид|саййид'),
  cls('title', 'qari', 'qari|qaari|قاري|قاری|кари'),
  cls('title', 'ustad', 'ustad|ustadh|ustaz|ostad|ustoz|استاد|استاذ|أستاذ|устад|устоз'),
  cls('title', 'ayatollah', 'ayatollah|ayatullah|ayatolla|аятолла'),
  cls('title', 'hojatoleslam', 'hojatoleslam|hojjatoleslam|hujjatulislam'),
  cls('title', 'doctor', 'dr|doctor|doktor|dott|dottore|دكتور|دکتر|доктор'),
  cls('title', 'professor', 'prof|professor|профессор|بروفيسور|پروفسور'),
  cls('title', 'engineer', 'engr|engineer|مهندس|инженер'),
  cls('title', 'mr', 'mr|mister|monsieur|herr|senor|signor|sig|господин|آقای|اقای'),
  cls('title', 'mrs', 'mrs|ms|miss|madam|madame|mme|mlle|frau|senora|signora|госпожа|خانم|السيدة'),
  cls('title', 'sir', 'sir|dame|lord|lady'),
  cls('title', 'general', 'general|gen|генерал|جنرال|الجنرال|لواء'),
  cls('title', 'colonel', 'colonel|col|полковник|عقيد'),
  cls('title', 'lieutenant', 'lieutenant|lt|лейтенант'),
  cls('title', 'brigadier', 'brigadier|brig'),
  cls('title', 'admiral', 'admiral|adm|адмирал'),
  cls('title', 'captain', 'captain|capt|капитан'),
  cls('title', 'commander', 'commander|cmdr|командир'),
  cls('title', 'junior', 'jr|junior|jnr'),
  cls('title', 'senior', 'sr|senior|snr'),
  cls('title', 'ordinal', 'ii|iii|iv'),
  // ---------------------------------------------------------------- particles
  cls('particle', 'al', 'al|el|ul|il|wal|ال|аль|ал|эль|ель|валь|вал', 'prefix'),
  cls('particle', 'al', 'ad|ar|as|ash|at|ath|az|adh|an|ud|ur|us|ush|ut|uz|un|ed|er|es|esh|et|ez|en|ud|ut|ан|ар|ас|аш|ат|ад|аз', 'sun'),
  cls('particle', 'bin', 'bin|ben|ibn|ibni|bn|abn|ابن|بن|бин|ибн|бен', 'prefix'),
  cls('particle', 'bint', 'bint|binti|bte|bnt|بنت|бинт', 'prefix'),
  cls('particle', 'abu', 'abu|abou|abo|aboo|abul|ابو|أبو|абу|абул', 'prefix'),
  cls('particle', 'umm', 'umm|um|oum|omm|ام|أم|умм', 'prefix'),
  cls('particle', 'abd', 'abd|abdul|abdel|abdal|abdol|abdil|abdoul|abdur|abdus|abdun|abdush|abdud|abduz|abdut|abdu|abdou|عبد|абд|абдул|абдель|абдур|абдус', 'prefix'),
  cls('particle', 'ould', 'ould|uld|wuld|ag|ولد', 'prefix'),
  cls('particle', 'van', 'van|vander|vanden|ван', 'prefix'),
  cls('particle', 'von', 'von|фон', 'prefix'),
  cls('particle', 'der', 'der|den|ter|ten|het|дер', 'prefix'),
  cls('particle', 'de', 'de|di|du|dos|das|do|da|del|dela|della|delle|degli|des|dei|zu|ла|де|ди|дю|да|дель', 'prefix'),
  cls('particle', 'le', 'la|le|los|las|lo|les', 'inner'),
  cls('particle', 'oglu', 'oglu|ogly|oglou|ogli|uulu|uly|ulu|kyzy|qizi|kizi|gyzy|zade|zadeh|zoda|zada|оглу|оглы|кызы|гызы|улы|уулу|қизи|зода|заде', 'suffix'),
  cls('particle', 'and', 'y|e', 'between'),
  cls('particle', 'and', 'and|et|und|wa|ve|va|i|и|و|і|та', 'org'),
  cls('particle', 'of', 'of|the|for|in|on|at|to|by|der|die|das|du|des|del|de|la|le|les|el|al|فى|في', 'org'),
  // ---------------------------------------------------------------- legal forms
  cls(
    'legal_form',
    'llc',
    'llc|l l c|ooo|o o o|ооо|tov|тов|too|тоо|mchj|мчж|mmc|ммс|mmj|limited liability company|limited liability corporation|' +
      'общество с ограниченной ответственностью|товариство з обмеженою відповідальністю|' +
      'товарищество с ограниченной ответственностью|gmbh|gesellschaft mit beschrankter haftung|mbh|sarl|s a r l|' +
      'societe a responsabilite limitee|srl|s r l|societa a responsabilita limitata|' +
      'sociedad de responsabilidad limitada|sociedad de responsabilidad limitada de capital variable|s de rl|s de r l|' +
      's de rl de cv|s de r l de c v|ltda|limitada|sro|s r o|spol s r o|sp z o o|spzoo|doo|d o o|ood|' +
      'eood|kft|shpk|eurl|bvba|sprl|dooel|llc fz|fz llc|fzllc',
  ),
  cls(
    'legal_form',
    'jsc',
    'jsc|j s c|ojsc|cjsc|pjsc|jsco|ao|a o|zao|oao|pao|ат|пат|прат|ват|зат|ао|зао|оао|пао|joint stock company|' +
      'open joint stock company|closed joint stock company|public joint stock company|private joint stock company|' +
      'joint-stock company|акционерное общество|открытое акционерное общество|закрытое акционерное общество|' +
      'публичное акционерное общество|непубличное акционерное общество|акціонерне товариство|' +
      'публічне акціонерне товариство|приватне акціонерне товариство|ag|aktiengesellschaft|sa|s a|societe anonyme|' +
      'sociedad anonima|spa|s p a|societa per azioni|nv|n v|naamloze vennootschap|asa|ab|oyj|ad|a d|dd|d d|' +
      'sae|sal|s a l|saog|saoc|psc|qpsc|qsc|bsc|pt|tbk|pt tbk|sa de cv|s a de c v|sab de cv|s a b de c v|sapi de cv|' +
      's a p i de c v|sociedad anonima de capital variable|sociedad anonima bursatil de capital variable|' +
      'sociedad anonima promotora de inversion de capital variable|sociedad anonima cerrada|sac|s a c|sas|s a s|' +
      'societe par actions simplifiee|sociedad por acciones simplificada|sociedade anonima|as|a s|akcionarsko drustvo',
  ),
  cls('legal_form', 'ltd', 'ltd|limited|pvt ltd|private limited|pte ltd|pty ltd|pte|pty|pvt|co ltd|company limited|' +
      'limited company|ltd sti|limited sirketi|sdn bhd|bhd|berhad|sendirian berhad|kk|kabushiki kaisha|yk|' +
      'yugen kaisha|plc|public limited company|p l c|l t d'),
  cls('legal_form', 'inc', 'inc|incorporated|corp|corporation|корпорация|корпорація'),
  cls('legal_form', 'co', 'co|company|compania|cia|companhia|compagnie|cie|sirketi|shirkat|sherkat|sharikat|' +
      'kompaniya|компания|компанія|شركة|شرکت|شركت|كمپنی|کمپنی|کمپني|co llc'),
  cls('legal_form', 'llp', 'llp|l l p|lp|l p|limited partnership|limited liability partnership|kg|' +
      'kommanditgesellschaft|ohg|gmbh co kg|gmbh und co kg|cv|commanditaire vennootschap|snc|sca'),
  cls('legal_form', 'bv', 'bv|b v|besloten vennootschap'),
  cls('legal_form', 'fze', 'fze|fzco|fzc|fzeco|fz co|free zone establishment|free zone company|dmcc|dwc llc|dmcc branch'),
  cls('legal_form', 'est', 'est|establishment|etablissement|مؤسسة|موسسه'),
  cls('legal_form', 'gie', 'gie|cooperative|coop|kooperativ|кооператив'),
];

/** Lexicon class ids start here, far above the generated dictionary's (about 10^4 classes). */
export const LEXICON_ID_BASE = 1 << 24;

export interface LexiconEntry {
  readonly id: number;
  readonly cls: LexiconClass;
  /** Romanised words of the form. */
  readonly words: readonly string[];
}

/**
 * First words of multi-word legal forms, for forms written with a slip or in another
 * romanisation (`LIMITED LIABILIT COMPANY`, `OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTIU`).
 */
export interface PhraseStart {
  readonly word: string;
  readonly phrases: readonly LexiconEntry[];
}

/** Everything the lexicon knows about one word, found with a single look-up. */
export interface WordHits {
  /** One-word forms; several when a word has several uses (`de`, `at`). */
  readonly single: readonly LexiconEntry[];
  /** Multi-word legal forms starting with this word, longest first. */
  readonly phrases: readonly LexiconEntry[];
  /** The one-word legal form, if the word is one. */
  readonly legal: LexiconEntry | undefined;
}

interface LexiconIndex {
  readonly words: Map<string, WordHits>;
  readonly byId: Map<number, LexiconClass>;
  /** Multi-word legal forms by first word, for a tolerant match (see `PhraseStart`). */
  readonly phraseStarts: readonly PhraseStart[];
  /** One-word legal forms of 7 letters or more (`company`, `limited`), for a tolerant match. */
  readonly longForms: readonly LexiconEntry[];
}

let index: LexiconIndex | undefined;

const ROMANISE: RomaniseContext = { personLike: false, cyrillic: 'ru', persianate: false };

function romaniseForm(form: string): string[] {
  return romaniseText(form, ROMANISE);
}

/** Builds the lexicon index on first use: a few hundred forms, romanised once (~10 ms). */
export function lexicon(): LexiconIndex {
  if (index !== undefined) return index;
  const single = new Map<string, LexiconEntry[]>();
  const phrases = new Map<string, LexiconEntry[]>();
  const byId = new Map<number, LexiconClass>();
  const ids = new Map<string, number>();
  for (const c of LEXICON) {
    // Assimilated articles (ash-, ad-, ar-, es-, ud-) have a class of their own: as words they
    // are also common name parts (Es, Ud, An, Ur), which `al` must not reach through its class.
    const key = c.use === 'sun' ? `${c.role}:${c.canon}:sun` : `${c.role}:${c.canon}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = LEXICON_ID_BASE + ids.size;
      ids.set(key, id);
      byId.set(id, c);
    }
    for (const form of c.forms) {
      const words = romaniseForm(form);
      if (words.length === 0) continue;
      if (words.length > 1 && c.role !== 'legal_form') continue;
      const entry: LexiconEntry = { id, cls: c, words };
      const first = words[0] ?? '';
      const target = words.length === 1 ? single : phrases;
      const list = target.get(first) ?? [];
      if (!list.some((e) => e.cls === c && e.words.join(' ') === words.join(' '))) list.push(entry);
      target.set(first, list);
    }
  }
  const words = new Map<string, WordHits>();
  for (const text of new Set([...single.keys(), ...phrases.keys()])) {
    const one = single.get(text) ?? [];
    const many = (phrases.get(text) ?? []).sort((a, b) => b.words.length - a.words.length);
    words.set(text, { single: one, phrases: many, legal: one.find((e) => e.cls.role === 'legal_form') });
  }
  const phraseStarts: PhraseStart[] = [...phrases.entries()]
    .filter(([first]) => first.length >= 4)
    .map(([word, list]) => ({ word, phrases: [...list].sort((a, b) => b.words.length - a.words.length) }));
  const longForms: LexiconEntry[] = [];
  for (const list of single.values()) for (const e of list) if (e.cls.role === 'legal_form' && (e.words[0] ?? '').length >= 7) longForms.push(e);
  index = { words, byId, phraseStarts, longForms };
  return index;
}

/** The class behind a lexicon variant id, for explanations. */
export function lexiconClass(id: number): LexiconClass | undefined {
  return lexicon().byId.get(id);
}
