import { Command } from 'commander';
import { createKeyCommand } from './create.js';
import { listKeysCommand } from './list.js';
import { revokeKeyCommand } from './revoke.js';

export function keysCommand(): Command {
  return new Command('keys')
    .description('API keys for systems: create, list, revoke')
    .addCommand(createKeyCommand())
    .addCommand(listKeysCommand())
    .addCommand(revokeKeyCommand());
}
