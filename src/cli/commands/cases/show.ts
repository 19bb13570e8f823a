import { Command } from 'commander';
import { emit } from '../../output.js';
import { withCaseCredentials, withCases, type CaseCliOptions } from './case-context.js';
import { renderDetail } from './render.js';

export function showCaseCommand(): Command {
  return withCaseCredentials(
    new Command('show').description('one case: subject, hits with explanations, decisions and history').argument('<case-id>').option('--purpose <text>', 'why you read it, kept in the audit trail'),
  ).action(async (id: string, _o: CaseCliOptions & { purpose?: string }, command: Command) => {
    const options = command.optsWithGlobals<CaseCliOptions & { purpose?: string }>();
    const detail = await withCases(options, ({ cases, principal }) => cases.get(principal, id, options.purpose !== undefined ? { purpose: options.purpose } : {}));
    emit(detail, options, renderDetail);
  });
}
