import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { finished } from 'node:stream/promises';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { Command } from 'commander';
import { VigilError } from '../../domain/index.js';
import { buildSnapshot, ScreeningPool, screenStream } from '../../screening/index.js';
import { enrolmentFor, importSubjects, type ImportSubjectsResult } from '../../vetting/index.js';
import { withAdmin } from './admin-context.js';
import type { GlobalOptions } from '../context.js';
import { progressReporter } from '../output.js';
import { parseThreshold, parseVersionOption } from '../parse-options.js';

interface ScreenOptions extends GlobalOptions {
  input: string;
  output: string;
  limit?: string;
  reviewThreshold?: string;
  matchThreshold?: string;
  workers?: string;
  channel?: string;
  port?: string;
  enrol?: boolean;
  retentionDays?: string;
}

/** Whether the run enrols its subjects, and for how long: --enrol/--no-enrol over the channel's setting. */
function enrolmentOf(options: ScreenOptions, settings: Parameters<typeof enrolmentFor>[0]): { enrol: boolean; retentionDays: number } {
  const policy = enrolmentFor(settings, options.channel, options.enrol);
  if (options.retentionDays === undefined) return policy;
  const days = Number(options.retentionDays);
  if (!(Number.isInteger(days) && days >= 1)) {
    throw new VigilError('INVALID_INPUT', `--retention-days must be a whole number from 1, not "${options.retentionDays}"`, { field: '--retention-days' });
  }
  return { ...policy, retentionDays: days };
}

/** The input twice: once for screening, once for enrolment, each at its own pace. */
function tee(input: Readable): [Readable, Readable] {
  const a = new PassThrough();
  const b = new PassThrough();
  input.pipe(a);
  input.pipe(b);
  input.on('error', (error) => {
    a.destroy(error);
    b.destroy(error);
  });
  return [a, b];
}

function openInput(path: string): Readable {
  if (path === '-') return process.stdin;
  const stream = createReadStream(path);
  stream.on('error', () => undefined);
  return stream;
}

/**
 * Below this size an input file is screened faster by this thread alone than with workers
 * (about 4,000 subjects, `screenStream`'s own threshold for input it cannot size up front).
 */
const EARLY_POOL_BYTES = 256 * 1024;

/**
 * Workers started before the lists are read when the input is a file large enough to need
 * them: they load and warm up on the other cores while this thread builds the index, instead
 * of after it. Standard input cannot be sized: `screenStream` starts workers itself once it has
 * read enough.
 */
function earlyPool(input: string, workers: number | undefined): ScreeningPool | undefined {
  const threads = workers ?? availableParallelism();
  if (input === '-' || threads <= 1) return undefined;
  // A missing input is reported with its own message once the run opens it.
  const size = statSync(input, { throwIfNoEntry: false })?.size ?? 0;
  return size >= EARLY_POOL_BYTES ? new ScreeningPool(threads - 1) : undefined;
}

export function screenCommand(): Command {
  return new Command('screen')
    .description('screen subjects (JSON lines) against the current lists; one result line per subject, in input order')
    .option('--input <file>', 'JSON lines of subjects, or - for standard input', '-')
    .option('--output <file>', 'where results go, or - for standard output', '-')
    .option('--limit <n>', 'at most this many hits per subject')
    .option('--review-threshold <x>', 'score from which a hit goes to review')
    .option('--match-threshold <y>', 'score from which a hit is a match')
    .option('--workers <n>', 'threads screening large inputs, the main one included (default: one per core; 0 or 1: the main thread only)')
    .option('--channel <channel>', 'the channel the subjects arrive through (visa, visa_waiver, air_arrival, land_border, ...): decides whether they are enrolled')
    .option('--port <port>', 'port of entry or post, kept with enrolled subjects')
    .option('--enrol', "enrol the subjects for recurrent vetting whatever the channel's setting")
    .option('--no-enrol', 'do not enrol them, whatever the channel\'s setting')
    .option('--retention-days <n>', "days enrolled subjects are kept after screening (default: the channel's)")
    .action(async (_options: ScreenOptions, command: Command) => {
      const options = command.optsWithGlobals<ScreenOptions>();
      const maxHits = parseVersionOption(options.limit, '--limit');
      const review = parseThreshold(options.reviewThreshold, '--review-threshold');
      const match = parseThreshold(options.matchThreshold, '--match-threshold');
      const workers = options.workers === undefined ? undefined : Number(options.workers);
      if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0)) {
        throw new VigilError('INVALID_INPUT', `--workers must be a whole number, not "${options.workers}"`, { field: '--workers' });
      }
      const pool = earlyPool(options.input, workers);
      const { summary, enrolled } = await withAdmin(options, async ({ store, audit, actor, config }) => {
        const enrolment = enrolmentOf(options, config.vetting);
        const snapshot = await buildSnapshot(store);
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
        const [toScreen, toEnrol] = enrolment.enrol ? tee(openInput(options.input)) : [openInput(options.input), undefined];
        const output: Writable = options.output === '-' ? process.stdout : createWriteStream(options.output);
        const progress = progressReporter('screening');
        const enrolling: Promise<ImportSubjectsResult | undefined> =
          toEnrol === undefined
            ? Promise.resolve(undefined)
            : importSubjects(store, toEnrol, {
                retentionDays: enrolment.retentionDays,
                ...(options.channel !== undefined ? { channel: options.channel } : {}),
                ...(options.port !== undefined ? { port: options.port } : {}),
              });
        const screened = await screenStream(snapshot.index, toScreen, output, {
          screener: {
            ...(review !== undefined ? { reviewThreshold: review } : {}),
            ...(match !== undefined ? { matchThreshold: match } : {}),
          },
          line: maxHits !== undefined ? { maxHits } : {},
          ...(workers !== undefined ? { workers } : {}),
          ...(pool !== undefined ? { pool } : {}),
          onProgress: progress,
        });
        progress.done();
        if (output !== process.stdout) {
          output.end();
          await finished(output);
        }
        const enrolledResult = await enrolling;
        if (enrolledResult !== undefined) {
          await audit.append({
            actor,
            action: 'subjects.enrol',
            outcome: 'ok',
            details: { source: 'vigil screen', channel: options.channel, port: options.port, enrolled: enrolledResult.enrolled, updated: enrolledResult.updated, retentionDays: enrolment.retentionDays },
          });
        }
        return { summary: screened, enrolled: enrolledResult };
      }).finally(() => pool?.close());
      if (enrolled !== undefined) {
        // Results own standard output; what enrolment did goes beside them.
        process.stderr.write(`vigil: enrolled ${enrolled.enrolled + enrolled.updated} subjects for recurrent vetting (${enrolled.enrolled} new)\n`);
      }
      if (summary.failed > 0) {
        process.stderr.write(`vigil: ${summary.failed} of ${summary.subjects} lines could not be screened (see their "error" field)\n`);
        process.exitCode = 2;
      }
    });
}
