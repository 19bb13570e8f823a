import { describe, expect, it } from 'vitest';
import { el, elWith, escapeXml, renderXml, textEl } from './xml.js';

describe('xml', () => {
  it('escapes markup in text and attributes so content cannot inject elements', () => {
    const xml = renderXml(elWith('a', { href: '"><b>' }, el('t', '</t><x>&y')));
    expect(xml).toContain('<a href="&quot;&gt;&lt;b&gt;">');
    expect(xml).toContain('<t>&lt;/t&gt;&lt;x&gt;&amp;y</t>');
  });

  it('drops characters XML cannot carry', () => {
    expect(escapeXml('a\u0000b\u0008c\uFFFEd\u{1F600}')).toBe('ab' + 'c' + 'd\u{1F600}');
  });

  it('leaves out empty optional elements', () => {
    expect(renderXml(el('r', textEl('x', ''), textEl('y', undefined), false, undefined, el('z')))).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<r>\n  <z/>\n</r>\n');
  });
});
