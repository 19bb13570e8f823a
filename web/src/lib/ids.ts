/** A random id for a screening subject (getRandomValues works outside secure contexts too). */
export function newSubjectId(prefix = 'console'): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
