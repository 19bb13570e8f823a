import { arabicKey } from './translit-arabic.js';
import type { Script } from './types.js';

/**
 * The variant dictionary's key for a word in its own script, so that spellings which differ only
 * in marks or interchangeable letters find the same entry: Arabic alef and yeh forms (see
 * `arabicKey`), Cyrillic ё/е, Hebrew final letters, Greek accents and final sigma, hiragana as
 * katakana. Latin words are keyed by their folded text instead, never by this.
 */
export function nativeKey(word: string, script: Script): string {
  switch (script) {
    case 'Arab':
      return arabicKey(word);
    case 'Cyrl':
      return word.toLowerCase().replace(/ё/g, 'е');
    case 'Hebr':
      return word
        .replace(/[\u0591-\u05c7]/g, '')
        .replace(/ך/g, 'כ')
        .replace(/ם/g, 'מ')
        .replace(/ן/g, 'נ')
        .replace(/ף/g, 'פ')
        .replace(/ץ/g, 'צ');
    case 'Grek':
      return word.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/ς/g, 'σ');
    case 'Kana':
      return word.replace(/[\u3041-\u3096]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0x60));
    default:
      return word.toLowerCase();
  }
}
