import { Command } from 'commander';
import { emit } from '../../output.js';
import { withCaseCredentials, withCases, type CaseCliOptions } from './case-context.js';

export function closeCaseCommand(): Command {
  return withCaseCredentials(
    new Command('close').description('close a case once every hit is decided').argument('<case-id>').option('--note <text>', 'free text for the case file'),
  ).action(async (id: string, _o: CaseCliOptions & { note?: string }, command: Command) => {
    const options = command.optsWithGlobals<CaseCliOptions & { note?: string }>();
    const detail = await withCases(options, ({ cases, principal }) => cases.close(principal, id, options.note !== undefined ? { note: options.note } : {}));
    emit(detail, options, (c) => `closed ${c.id}${c.outcome !== undefined ? ` (${c.outcome})` : ''}`);
  });
}
