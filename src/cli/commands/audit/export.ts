import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Command } from 'commander';
import type { AuditRecord } from '../../../audit/index.js';
import { VigilError } from '../../../domain/index.js';
import type { GlobalOptions } from '../../context.js';
import { emit } from '../../output.js';
import { parseVersionOption } from '../../parse-options.js';
import { withAdmin } from '../admin-context.js';

interface ExportOptions extends GlobalOptions {
  since?: string;
  fromSeq?: string;
  output?: string;
}

async function writeLines(records: AsyncIterable<AuditRecord>, out: Writable): Promise<number> {
  let count = 0;
  for await (const record of records) {
    if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
    count += 1;
  }
  return count;
}

async function closeFile(out: Writable): Promise<void> {
  out.end();
  await once(out, 'finish');
}

export function exportAuditCommand(): Command {
  return new Command('export')
    .description('write audit records as JSON lines, oldest first (to standard output unless --output)')
    .option('--since <time>', 'only records at or after this ISO-8601 time')
    .option('--from-seq <n>', 'only records from this sequence number on')
    .option('--output <file>', 'write to this file instead of standard output')
    .option('--json', 'with --output: print the summary as JSON')
    .action(async (_options: ExportOptions, command: Command) => {
      const options = command.optsWithGlobals<ExportOptions>();
      const fromSeq = parseVersionOption(options.fromSeq, '--from-seq');
      const summary = await withAdmin(options, async ({ audit, actor }) => {
        const records = audit.export({ ...(options.since !== undefined ? { since: options.since } : {}), ...(fromSeq !== undefined ? { fromSeq } : {}) });
        let count: number;
        if (options.output === undefined) {
          count = await writeLines(records, process.stdout);
        } else {
          const file = createWriteStream(options.output, { flags: 'wx', mode: 0o600 });
          await once(file, 'open').catch((error: unknown) => {
            throw new VigilError('INVALID_INPUT', `cannot create ${options.output ?? ''}: ${error instanceof Error ? error.message : String(error)}`, { file: options.output }, { cause: error });
          });
          try {
            count = await writeLines(records, file);
          } finally {
            await closeFile(file);
          }
        }
        // Reading the trail is itself an access to subject ids, so it is recorded too.
        await audit.append({ actor, action: 'audit.export', outcome: 'ok', details: { count, ...(options.since !== undefined ? { since: options.since } : {}), ...(fromSeq !== undefined ? { fromSeq } : {}) } });
        return { count, file: options.output };
      });
      if (options.output !== undefined) emit(summary, options, (s) => `exported ${s.count} audit records to ${s.file ?? ''}`);
    });
}
