import { Command } from 'commander';
import { emit } from '../../output.js';
import { withCaseCredentials, withCases, type CaseCliOptions } from './case-context.js';
import { renderDecision } from './render.js';

export function confirmCaseCommand(): Command {
  return withCaseCredentials(
    new Command('confirm')
      .description('confirm a proposed true match: a supervisor who did not propose it')
      .argument('<case-id>')
      .argument('<entity-id>')
      .argument('<decision-id>')
      .option('--note <text>', 'free text for the case file'),
  ).action(async (caseId: string, entityId: string, decisionId: string, _o: CaseCliOptions & { note?: string }, command: Command) => {
    const options = command.optsWithGlobals<CaseCliOptions & { note?: string }>();
    const result = await withCases(options, ({ cases, principal }) => cases.confirm(principal, caseId, entityId, decisionId, options.note !== undefined ? { note: options.note } : {}));
    emit(result, options, renderDecision);
  });
}
