import { SourceId, VigilError, type ListAdapter, type ListRecord } from '../../domain/index.js';
import { mapUnRecord } from './map-un-record.js';
import { readUnPublishedAt } from './read-un-published-at.js';
import { readUnRecords } from './read-un-records.js';

export interface UnAdapterOptions {
  /** Path of a UN Security Council consolidated list XML file. */
  file: string;
  /** Source id the entities get: `un-sc` unless an import overrides it. */
  source?: string;
}

/**
 * A ListAdapter over the UN Security Council consolidated list (XML). INDIVIDUAL becomes a
 * Person and ENTITY an Organization, with id `un-sc:<REFERENCE_NUMBER>`.
 *
 * @example
 * const adapter = createUnAdapter({ file: '../shared/data/un/consolidated_2026-02-27.xml' });
 * for await (const record of adapter.records()) if (record.kind === 'entity') console.log(record.entity.id);
 * adapter.publishedAt(); // '2026-02-27T00:00:09.554Z'
 */
export function createUnAdapter(options: UnAdapterOptions): ListAdapter & { publishedAt(): string | undefined } {
  const source = options.source ?? 'un-sc';
  if (!SourceId.safeParse(source).success) {
    throw new VigilError('INVALID_INPUT', `"${source}" is not a source id (lower-case letters, digits and dashes)`);
  }
  const { file } = options;
  let published: string | undefined;

  async function* records(): AsyncGenerator<ListRecord> {
    const onRoot = (attributes: Readonly<Record<string, string>>): void => {
      published = attributes['dateGenerated'];
    };
    for await (const { node, line } of readUnRecords(file, { onRoot })) {
      const mapped = mapUnRecord(node, source);
      if (mapped.kind === 'entity') {
        yield { kind: 'entity', entity: mapped.entity, at: { file, line, record: mapped.reference } };
      } else {
        const { reference, field, message } = mapped;
        yield { kind: 'invalid', issue: { file, line, ...(reference === undefined ? {} : { record: reference }), field, message } };
      }
    }
  }

  return {
    source,
    mode: 'full',
    records,
    // The root's dateGenerated: as seen by the last read, or from the head of the file before one.
    publishedAt: () => published ?? readUnPublishedAt(file),
  };
}
