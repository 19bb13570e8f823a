import { createReadStream, createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Readable, Writable } from 'node:stream';
import { Command } from 'commander';
import { VigilError } from '../../domain/index.js';
import { buildSnapshot, screenStream } from '../../screening/index.js';
import { withStore, type GlobalOptions } from '../context.js';
import { progressReporter } from '../output.js';
import { parseThreshold, parseVersionOption } from '../parse-options.js';

interface ScreenOptions extends GlobalOptions {
  input: string;
  output: string;
  limit?: string;
  reviewThreshold?: string;
  matchThreshold?: string;
  workers?: string;
}

function openInput(path: string): Readable {
  if (path === '-') return process.stdin;
  const stream = createReadStream(path);
  stream.on('error', () => undefined);
  return stream;
}

export function screenCommand(): Command {
  return new Command('screen')
    .description('screen subjects (JSON lines) against the current lists; one result line per subject, in input order')
    .option('--input <file>', 'JSON lines of subjects, or - for standard input', '-')
    .option('--output <file>', 'where results go, or - for standard output', '-')
    .option('--limit <n>', 'at most this many hits per subject')
    .option('--review-threshold <x>', 'score from which a hit goes to review')
    .option('--match-threshold <y>', 'score from which a hit is a match')
    .option('--workers <n>', 'worker threads for large inputs (default: every core)')
    .action(async (_options: ScreenOptions, command: Command) => {
      const options = command.optsWithGlobals<ScreenOptions>();
      const maxHits = parseVersionOption(options.limit, '--limit');
      const review = parseThreshold(options.reviewThreshold, '--review-threshold');
      const match = parseThreshold(options.matchThreshold, '--match-threshold');
      const workers = options.workers === undefined ? undefined : Number(options.workers);
      if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) {
        throw new VigilError('INVALID_INPUT', `--workers must be a whole number, not "${options.workers}"`, { field: '--workers' });
      }
      const snapshot = await withStore(options, (store) => buildSnapshot(store));
      if (snapshot.entityCount === 0) {
        throw new VigilError('STORE_NOT_FOUND', 'no lists are imported: run `vigil lists import <files>` first');
      }
      if (options.input !== '-') {
        const probe = createReadStream(options.input);
        await new Promise<void>((resolve, reject) => {
          probe.on('open', () => { probe.destroy(); resolve(); });
          probe.on('error', (error) => reject(new VigilError('INVALID_INPUT', `cannot read ${options.input}`, { file: options.input }, { cause: error })));
        });
      }
      const input = openInput(options.input);
      const output: Writable = options.output === '-' ? process.stdout : createWriteStream(options.output);
      const progress = progressReporter('screening');
      const summary = await screenStream(snapshot.index, input, output, {
        screener: {
          ...(review !== undefined ? { reviewThreshold: review } : {}),
          ...(match !== undefined ? { matchThreshold: match } : {}),
        },
        line: maxHits !== undefined ? { maxHits } : {},
        ...(workers !== undefined ? { workers } : {}),
        onProgress: progress,
      });
      progress.done();
      if (output !== process.stdout) {
        output.end();
        await finished(output);
      }
      if (summary.failed > 0) {
        process.stderr.write(`vigil: ${summary.failed} of ${summary.subjects} lines could not be screened (see their "error" field)\n`);
        process.exitCode = 2;
      }
    });
}
