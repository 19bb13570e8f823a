import { Command } from 'commander';
import { addUserCommand } from './add.js';
import { disableUserCommand } from './disable.js';
import { listUsersCommand } from './list.js';

export function usersCommand(): Command {
  return new Command('users')
    .description('people who sign in: add, list, disable')
    .addCommand(addUserCommand())
    .addCommand(listUsersCommand())
    .addCommand(disableUserCommand());
}
