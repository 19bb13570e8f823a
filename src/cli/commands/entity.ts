import { Command } from 'commander';
import { VigilError, countryName, type BirthDate, type Entity } from '../../domain/index.js';
import type { StoredEntity } from '../../store/index.js';
import { withStore, type GlobalOptions } from '../context.js';
import { emit } from '../output.js';
import { parseVersionOption } from '../parse-options.js';

interface EntityOptions extends GlobalOptions {
  version?: string;
}

function formatBirthDate(date: BirthDate): string {
  if (date.kind === 'range') return `${date.from} to ${date.to}`;
  return date.kind === 'approximate' ? `circa ${date.date}` : date.date;
}

function renderEntity(stored: StoredEntity): string {
  const entity: Entity = stored.entity;
  const lines = [`${entity.caption}  [${entity.id}, ${entity.schema}, ${entity.source} version ${stored.version}]`];
  const field = (label: string, values: string[]): void => {
    if (values.length > 0) lines.push(`${label.padEnd(14)}${values.join('; ')}`);
  };
  field('names', entity.names.map((n) => `${n.full} (${n.kind}${n.script !== undefined && n.script !== 'Latn' ? `, ${n.script}` : ''})`));
  field('born', entity.birthDates.map(formatBirthDate));
  field('birthplace', entity.birthPlaces);
  field('nationality', entity.nationalities.map((c) => `${countryName(c)} (${c})`));
  field('citizenship', entity.citizenships.map((c) => `${countryName(c)} (${c})`));
  if (entity.gender !== undefined) field('gender', [entity.gender]);
  field('documents', entity.documents.map((d) => `${d.type} ${d.number}${d.country !== undefined ? ` (${d.country})` : ''}${d.note !== undefined ? ` ${d.note}` : ''}`));
  field('addresses', entity.addresses.map((a) => [a.full, a.street, a.city, a.region, a.postalCode, a.country].filter(Boolean).join(', ')));
  field('listings', entity.listings.map((l) => `${l.authority} ${l.program}${l.listedOn !== undefined ? ` since ${l.listedOn}` : ''}${l.reference !== undefined ? ` ref ${l.reference}` : ''}`));
  field('relations', entity.relations.map((r) => `${r.type.replace('_', ' ')} ${r.targetName ?? ''}${r.targetId !== undefined ? ` [${r.targetId}]` : ''}`.trim()));
  for (const [name, values] of Object.entries(entity.properties)) field(name, values);
  field('remarks', entity.remarks);
  return lines.join('\n');
}

export function entityCommand(): Command {
  return new Command('entity')
    .description('show one listed entity as of the current (or a given) version of its list')
    .argument('<id>', 'entity id, <source>:<sourceId>, e.g. ofac-sdn:12926')
    .option('--version <n>', 'version of the entity\'s source list')
    .option('--json', 'print JSON')
    .action(async (id: string, _options: EntityOptions, command: Command) => {
      const options = command.optsWithGlobals<EntityOptions>();
      const version = parseVersionOption(options.version, '--version');
      const stored = await withStore(options, (store) => store.getEntity(id, version));
      if (stored === undefined) {
        throw new VigilError('STORE_NOT_FOUND', `no entity ${id}${version !== undefined ? ` in version ${version}` : ''}`, { record: id });
      }
      emit(stored, options, renderEntity);
    });
}
