import { Command } from 'commander';
import { exportAuditCommand } from './export.js';
import { verifyAuditCommand } from './verify.js';

export function auditCommand(): Command {
  return new Command('audit')
    .description('the tamper-evident audit trail: verify, export')
    .addCommand(verifyAuditCommand())
    .addCommand(exportAuditCommand());
}
