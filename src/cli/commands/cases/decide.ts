import { Command } from 'commander';
import { OUTCOMES, REASON_CODES } from '../../../cases/index.js';
import { emit } from '../../output.js';
import { withCaseCredentials, withCases, type CaseCliOptions } from './case-context.js';
import { renderDecision } from './render.js';

interface DecideOptions extends CaseCliOptions {
  outcome: string;
  reason: string;
  note?: string;
  expires?: string;
}

export function decideCaseCommand(): Command {
  return withCaseCredentials(
    new Command('decide')
      .description('decide one hit of a case; a true match waits for a second supervisor, a new decision supersedes the last')
      .argument('<case-id>')
      .argument('<entity-id>', 'the hit, e.g. ofac-sdn:12926')
      .requiredOption('--outcome <outcome>', OUTCOMES.join(', '))
      .requiredOption('--reason <code>', `a reason code: ${REASON_CODES.map((r) => r.code).join(', ')}`)
      .option('--note <text>', 'free text for the case file (never copied into the audit trail)')
      .option('--expires <date>', 'false positive: when its suppression ends (ISO-8601)'),
  ).action(async (caseId: string, entityId: string, _o: DecideOptions, command: Command) => {
    const options = command.optsWithGlobals<DecideOptions>();
    const input = {
      outcome: options.outcome as (typeof OUTCOMES)[number],
      reasonCode: options.reason,
      ...(options.note !== undefined ? { note: options.note } : {}),
      ...(options.expires !== undefined ? { suppressionExpiresAt: options.expires } : {}),
    };
    const result = await withCases(options, ({ cases, principal }) => cases.decide(principal, caseId, entityId, input));
    emit(result, options, renderDecision);
  });
}
