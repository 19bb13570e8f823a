import { Command } from 'commander';
import { VigilError } from '../../../domain/index.js';
import { ADVISORY_SCOPES, type AdvisoryFilter, type AdvisoryScope } from '../../../advisories/index.js';
import { emit } from '../../output.js';
import { parseVersionOption } from '../../parse-options.js';
import { readJsonFile, withAdvisories, withCredentials, type CredentialOptions } from './advisory-context.js';
import { renderDetail, renderList, renderStep } from './render.js';

interface ListOptions extends CredentialOptions {
  scheme?: string;
  status?: string;
  level?: string;
  region?: string;
  sector?: string;
  scope?: string;
}

const STATUSES = ['current', 'draft', 'approved', 'published', 'expired', 'cancelled'] as const;

function filterFrom(options: ListOptions): AdvisoryFilter {
  if (options.status !== undefined && !(STATUSES as readonly string[]).includes(options.status)) {
    throw new VigilError('INVALID_INPUT', `--status must be one of ${STATUSES.join(', ')}, not "${options.status}"`, { field: '--status' });
  }
  if (options.scope !== undefined && !(ADVISORY_SCOPES as readonly string[]).includes(options.scope)) {
    throw new VigilError('INVALID_INPUT', `--scope must be one of ${ADVISORY_SCOPES.join(', ')}, not "${options.scope}"`, { field: '--scope' });
  }
  return {
    ...(options.scheme !== undefined ? { scheme: options.scheme } : {}),
    ...(options.status !== undefined ? { status: options.status as AdvisoryFilter['status'] } : {}),
    ...(options.level !== undefined ? { level: options.level } : {}),
    ...(options.region !== undefined ? { region: options.region } : {}),
    ...(options.sector !== undefined ? { sector: options.sector } : {}),
    ...(options.scope !== undefined ? { scope: options.scope as AdvisoryScope } : {}),
  };
}

function listCommand(): Command {
  return withCredentials(
    new Command('list')
      .description('advisories you may see (no credentials: what the public sees)')
      .option('--scheme <id>', 'ntas, uk, ...')
      .option('--status <status>', STATUSES.join(', '))
      .option('--level <id>', 'a level id, e.g. elevated')
      .option('--region <name>', 'a region named by the advisory')
      .option('--sector <name>', 'a sector named by the advisory')
      .option('--scope <scope>', ADVISORY_SCOPES.join(', ')),
  ).action(async (_o: ListOptions, command: Command) => {
    const options = command.optsWithGlobals<ListOptions>();
    const filter = filterFrom(options);
    const views = await withAdvisories(options, ({ advisories, principal }) => advisories.list(principal, filter));
    emit(views, options, renderList);
  });
}

function showCommand(): Command {
  return withCredentials(new Command('show').description('one advisory with its history').argument('<id>')).action(async (id: string, _o: CredentialOptions, command: Command) => {
    const options = command.optsWithGlobals<CredentialOptions>();
    emit(await withAdvisories(options, ({ advisories, principal }) => advisories.get(principal, id)), options, renderDetail);
  });
}

function createCommand(): Command {
  return withCredentials(
    new Command('create').description('write a draft from a JSON file ({"scheme", "level", "title", "summary", "regions", "expiresAt", ...})').argument('<file>', 'the advisory as JSON'),
  ).action(async (file: string, _o: CredentialOptions, command: Command) => {
    const options = command.optsWithGlobals<CredentialOptions>();
    const input = await readJsonFile(file);
    const detail = await withAdvisories(options, ({ advisories, actor }) => advisories.create(actor(), input as Parameters<typeof advisories.create>[1]));
    emit(detail, options, renderStep('created'));
  });
}

function stepCommand(name: 'approve' | 'publish', description: string): Command {
  return withCredentials(new Command(name).description(description).argument('<id>')).action(async (id: string, _o: CredentialOptions, command: Command) => {
    const options = command.optsWithGlobals<CredentialOptions>();
    const detail = await withAdvisories(options, ({ advisories, actor }) => advisories[name](actor(), id));
    emit(detail, options, renderStep(name === 'approve' ? 'approved' : 'published'));
  });
}

function updateCommand(): Command {
  return withCredentials(
    new Command('update').description('a new version from a JSON file of the fields that change; it needs approval and publication').argument('<id>').argument('<file>', 'the changed fields as JSON'),
  ).action(async (id: string, file: string, _o: CredentialOptions, command: Command) => {
    const options = command.optsWithGlobals<CredentialOptions>();
    const patch = await readJsonFile(file);
    const detail = await withAdvisories(options, ({ advisories, actor }) => advisories.update(actor(), id, patch as Parameters<typeof advisories.update>[2]));
    emit(detail, options, renderStep('updated'));
  });
}

function extendCommand(): Command {
  return withCredentials(
    new Command('extend').description('a new version with a later sunset; it needs approval and publication').argument('<id>').requiredOption('--expires <time>', 'the new sunset, ISO-8601 with an offset'),
  ).action(async (id: string, _o: CredentialOptions & { expires: string }, command: Command) => {
    const options = command.optsWithGlobals<CredentialOptions & { expires: string }>();
    const detail = await withAdvisories(options, ({ advisories, actor }) => advisories.extend(actor(), id, options.expires));
    emit(detail, options, renderStep('extended'));
  });
}

function cancelCommand(): Command {
  return withCredentials(new Command('cancel').description('withdraw an advisory').argument('<id>').option('--reason <text>', 'why, shown with it and in the CAP Cancel')).action(
    async (id: string, _o: CredentialOptions & { reason?: string }, command: Command) => {
      const options = command.optsWithGlobals<CredentialOptions & { reason?: string }>();
      const detail = await withAdvisories(options, ({ advisories, actor }) => advisories.cancel(actor(), id, options.reason));
      emit(detail, options, renderStep('cancelled'));
    },
  );
}

function capCommand(): Command {
  return withCredentials(
    new Command('cap')
      .description('the advisory as OASIS CAP 1.2 XML: the latest message, a version, or the cancellation')
      .argument('<id>')
      .option('--version <n>', 'a published version')
      .option('--cancel', 'the Cancel message'),
  ).action(async (id: string, _o: CredentialOptions & { version?: string; cancel?: boolean }, command: Command) => {
    const options = command.optsWithGlobals<CredentialOptions & { version?: string; cancel?: boolean }>();
    const which = options.cancel === true ? 'cancel' : parseVersionOption(options.version, '--version');
    const xml = await withAdvisories(options, ({ advisories, principal }) => advisories.cap(principal, id, which));
    process.stdout.write(xml);
  });
}

function feedCommand(): Command {
  return withCredentials(new Command('feed').description('the Atom feed of the advisories you may see')).action(async (_o: CredentialOptions, command: Command) => {
    const options = command.optsWithGlobals<CredentialOptions>();
    process.stdout.write(await withAdvisories(options, ({ advisories, principal }) => advisories.feed(principal)));
  });
}

function postureCommand(): Command {
  return new Command('posture')
    .description('the screening posture the advisories in force set now')
    .option('--json', 'print JSON')
    .action(async (_o: CredentialOptions, command: Command) => {
      const options = command.optsWithGlobals<CredentialOptions>();
      const posture = await withAdvisories(options, ({ advisories }) => advisories.currentPosture());
      emit(posture, options, (p) =>
        [
          `${p.id}${p.advisoryId !== undefined ? ` (set by ${p.advisoryId})` : ''} since ${p.since}`,
          `review from ${p.reviewThreshold}, match from ${p.matchThreshold}`,
          `enhanced: ports ${p.enhanced.ports.join(', ') || '-'}; routes ${p.enhanced.routes.join(', ') || '-'}; channels ${p.enhanced.channels.join(', ') || '-'}`,
        ].join('\n'),
      );
    });
}

export function advisoriesCommand(): Command {
  return new Command('advisories')
    .description('threat advisories: list, show, create, approve, publish, update, extend, cancel, cap, feed, posture')
    .addCommand(listCommand())
    .addCommand(showCommand())
    .addCommand(createCommand())
    .addCommand(stepCommand('approve', 'approve the version awaiting approval (a supervisor other than its author)'))
    .addCommand(stepCommand('publish', 'publish the approved version'))
    .addCommand(updateCommand())
    .addCommand(extendCommand())
    .addCommand(cancelCommand())
    .addCommand(capCommand())
    .addCommand(feedCommand())
    .addCommand(postureCommand());
}
