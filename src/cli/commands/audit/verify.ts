import { Command } from 'commander';
import { ERROR_CATALOGUE } from '../../../domain/index.js';
import type { AuditVerification } from '../../../audit/index.js';
import type { GlobalOptions } from '../../context.js';
import { emit } from '../../output.js';
import { withAdmin } from '../admin-context.js';

function render(result: AuditVerification): string {
  if (result.ok) return `audit trail intact: ${result.count} records`;
  return `audit trail BROKEN at record ${result.problem.seq} (${result.problem.kind}): ${result.problem.message}\n${result.count} records before it are intact`;
}

export function verifyAuditCommand(): Command {
  return new Command('verify')
    .description('check the whole hash chain; exits non-zero naming the first bad record')
    .option('--json', 'print JSON')
    .action(async (_options: GlobalOptions, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const result = await withAdmin(options, ({ audit }) => audit.verify());
      emit(result, options, render);
      // The result is the data (printed above); a broken trail still has to fail scripts and cron.
      if (!result.ok) process.exitCode = ERROR_CATALOGUE.AUDIT_FAILED.exit;
    });
}
