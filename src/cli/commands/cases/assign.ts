import { Command } from 'commander';
import type { Priority } from '../../../cases/index.js';
import { emit } from '../../output.js';
import { withCaseCredentials, withCases, type CaseCliOptions } from './case-context.js';

interface AssignOptions extends CaseCliOptions {
  owner?: string;
  release?: boolean;
  priority?: string;
}

export function assignCaseCommand(): Command {
  return withCaseCredentials(
    new Command('assign')
      .description('take, release or assign a case, or change its priority')
      .argument('<case-id>')
      .option('--owner <user>', 'a user id or name, or me')
      .option('--release', 'leave the case unassigned')
      .option('--priority <priority>', 'critical, high, medium or low'),
  ).action(async (id: string, _o: AssignOptions, command: Command) => {
    const options = command.optsWithGlobals<AssignOptions>();
    const input = {
      ...(options.release === true ? { owner: null } : options.owner !== undefined ? { owner: options.owner } : {}),
      ...(options.priority !== undefined ? { priority: options.priority as Priority } : {}),
    };
    const detail = await withCases(options, ({ cases, principal }) => cases.assign(principal, id, input));
    emit(detail, options, (c) => `${c.id}: ${c.owner !== undefined ? `owned by ${c.owner}` : 'unassigned'}, ${c.priority} priority`);
  });
}
