import { describe, expect, it } from 'vitest';
import { detectScript } from './detect-script.js';

describe('detectScript', () => {
  it('names the script most letters are written in', () => {
    expect(detectScript('Abu Bakr al-Baghdadi')).toBe('Latn');
    expect(detectScript('Hissène Abdoulaye')).toBe('Latn');
    expect(detectScript('أيمن محمد ربيع الظواهري')).toBe('Arab');
    expect(detectScript('حاجی گلاب گل')).toBe('Arab');
    expect(detectScript('Абу Мухаммад Аль-Кадари')).toBe('Cyrl');
    expect(detectScript('華信船務(香港)有限公司')).toBe('Hani');
    expect(detectScript('김정은')).toBe('Hang');
  });

  it('has no answer for text without letters', () => {
    expect(detectScript('')).toBeUndefined();
    expect(detectScript('12-34 (5)')).toBeUndefined();
  });
});
