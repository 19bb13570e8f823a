/** An XML element built in code; text children are escaped when rendered. */
export interface XmlElement {
  name: string;
  attrs: Readonly<Record<string, string>>;
  children: XmlChild[];
}
export type XmlChild = XmlElement | string;
type ChildInput = XmlChild | undefined | false | readonly ChildInput[];

/** Characters XML 1.0 cannot carry at all, even escaped. */
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for an element or a double-quoted attribute, dropping what XML cannot hold. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function flatten(children: readonly ChildInput[]): XmlChild[] {
  const out: XmlChild[] = [];
  for (const child of children) {
    if (child === undefined || child === false) continue;
    if (typeof child === 'string' || !Array.isArray(child)) out.push(child as XmlChild);
    else out.push(...flatten(child));
  }
  return out;
}

/** `el('info', el('category', 'Security'), maybe && el(...))`: undefined and false are left out. */
export function el(name: string, ...children: ChildInput[]): XmlElement {
  return { name, attrs: {}, children: flatten(children) };
}

export function elWith(name: string, attrs: Record<string, string | undefined>, ...children: ChildInput[]): XmlElement {
  const kept = Object.fromEntries(Object.entries(attrs).filter((e): e is [string, string] => e[1] !== undefined));
  return { name, attrs: kept, children: flatten(children) };
}

/** An element with text, or nothing when the text is empty or absent (optional CAP and Atom fields). */
export function textEl(name: string, text: string | undefined): XmlElement | undefined {
  return text === undefined || text.trim() === '' ? undefined : el(name, text);
}

function render(node: XmlElement, depth: number, lines: string[]): void {
  const pad = '  '.repeat(depth);
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  if (node.children.length === 0) {
    lines.push(`${pad}<${node.name}${attrs}/>`);
  } else if (node.children.every((c) => typeof c === 'string')) {
    lines.push(`${pad}<${node.name}${attrs}>${node.children.map((c) => escapeXml(c as string)).join('')}</${node.name}>`);
  } else {
    lines.push(`${pad}<${node.name}${attrs}>`);
    for (const child of node.children) {
      if (typeof child === 'string') lines.push(`${pad}  ${escapeXml(child)}`);
      else render(child, depth + 1, lines);
    }
    lines.push(`${pad}</${node.name}>`);
  }
}

/** The document as UTF-8 XML text, indented, with its declaration. */
export function renderXml(root: XmlElement): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  render(root, 0, lines);
  return `${lines.join('\n')}\n`;
}
