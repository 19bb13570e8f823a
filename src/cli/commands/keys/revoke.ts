import { Command } from 'commander';
import type { GlobalOptions } from '../../context.js';
import { emit } from '../../output.js';
import { audited, withAdmin } from '../admin-context.js';

export function revokeKeyCommand(): Command {
  return new Command('revoke')
    .description('revoke an API key (running servers stop accepting it within seconds)')
    .argument('<id>', 'key id (the part after vgl_, as `vigil keys list` shows it)')
    .option('--json', 'print JSON')
    .action(async (id: string, _options: GlobalOptions, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      await withAdmin(options, (context) => audited(context, 'key.revoke', () => context.identity.revokeApiKey(id), () => ({ details: { keyId: id } }), { details: { keyId: id } }));
      emit({ id, revoked: true }, options, () => `revoked API key ${id}`);
    });
}
