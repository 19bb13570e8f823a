import { Command } from 'commander';
import { addOrganisationCommand } from './add.js';
import { listOrganisationsCommand } from './list.js';

export function orgsCommand(): Command {
  return new Command('orgs').description('organisations: add, list').addCommand(addOrganisationCommand()).addCommand(listOrganisationsCommand());
}
