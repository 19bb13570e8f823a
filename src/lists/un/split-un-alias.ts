import { detectScript } from './detect-script.js';

/**
 * Splits one ALIAS_NAME into the names it holds, conservatively:
 * - top-level `;` separates spellings ("Qasim Soleimani; Qasem Sulaimani"), and so does an
 *   enumeration marker ("... Sabet b) M. Javad ...");
 * - a trailing parenthesis in another script is the same name in that script
 *   ("Jin Tiesan (金铁三)", "حسن غول (Hassan Ghul; Hasan Gul)", "Abubakar (original script: Абубакар)").
 * A parenthesis in the same script ("Lord's Resistance Movement (LRM)") stays part of the name.
 */
export function splitUnAlias(value: string): string[] {
  return splitTopLevel(value).flatMap(splitScripts).filter((name) => name !== '');
}

function splitScripts(value: string): string[] {
  const match = /^(.+?)\s*\((?:original script:\s*)?([^()]+)\)[\s,.;]*$/iu.exec(value);
  if (match === null) return [value];
  const outer = (match[1] ?? '').trim();
  const inner = (match[2] ?? '').trim();
  if (detectScript(outer) === detectScript(inner)) return [value];
  return [outer, ...splitTopLevel(inner)];
}

function splitTopLevel(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < value.length; index += 1) {
    const char = value[index];
    if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (char === ';' && depth === 0) {
      parts.push(value.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(value.slice(start));
  return parts.flatMap((part) => part.split(/\s+[a-z]\)\s+/)).map((part) => part.trim().replace(/[,;]+$/, '').trim());
}
