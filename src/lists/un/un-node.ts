/**
 * One element of a UN list record, kept as a small tree while its INDIVIDUAL or ENTITY element
 * is open. The whole file is never held: each record's tree is mapped and dropped.
 */
export interface UnNode {
  readonly name: string;
  text: string;
  readonly children: UnNode[];
}

/** Collapses the indentation the UN export puts inside long values and trims the ends. */
export function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function childrenNamed(node: UnNode, name: string): UnNode[] {
  return node.children.filter((child) => child.name === name);
}

/** The cleaned text of the first child with this name; undefined when absent or blank. */
export function childText(node: UnNode, name: string): string | undefined {
  for (const child of node.children) {
    if (child.name !== name) continue;
    const value = clean(child.text);
    if (value !== '') return value;
  }
  return undefined;
}

/** The non-blank VALUE texts of wrappers such as NATIONALITY, TITLE and DESIGNATION. */
export function childValues(node: UnNode, name: string): string[] {
  const values: string[] = [];
  for (const wrapper of childrenNamed(node, name)) {
    for (const value of childrenNamed(wrapper, 'VALUE')) {
      const text = clean(value.text);
      if (text !== '') values.push(text);
    }
  }
  return values;
}

export function joinPresent(parts: ReadonlyArray<string | undefined>, separator = ', '): string {
  return parts.filter((part): part is string => part !== undefined && part !== '').join(separator);
}
