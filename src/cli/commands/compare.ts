import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Command } from 'commander';
import { z } from 'zod';
import { Subject, VigilError } from '../../domain/index.js';
import { compareSubjects, type MatchExplanation } from '../../matching/index.js';
import type { GlobalOptions } from '../context.js';
import { emit, table } from '../output.js';

interface CompareOptions extends GlobalOptions {
  input?: string;
  schema?: 'Person' | 'Organization' | 'Vessel' | 'Aircraft';
}

const ComparePair = z.object({ id: z.string().min(1), a: Subject, b: Subject }).strict();

/** Renders an explanation for a person to read: parts side by side, then every feature. */
export function renderExplanation(score: number, explanation: MatchExplanation): string {
  const lines = [`score ${score.toFixed(2)}: ${explanation.summary}`, ''];
  if (explanation.aligned.length > 0) {
    lines.push(table(['subject part', 'listed part', 'how', 'similarity'], explanation.aligned.map((a) => [a.subject, a.entity, a.how, a.similarity.toFixed(2)])), '');
  }
  if (explanation.unmatched.length > 0) {
    lines.push(table(['unmatched part', 'side', 'role', 'penalty'], explanation.unmatched.map((u) => [u.part, u.side === 'subject' ? 'subject' : 'listed', u.role, u.penalty.toFixed(2)])), '');
  }
  for (const feature of explanation.features) lines.push(`${feature.feature}: ${feature.detail}${feature.decisive === true ? ' (decisive)' : ` (${feature.contribution >= 0 ? '+' : ''}${feature.contribution.toFixed(2)})`}`);
  return lines.join('\n').trimEnd();
}

async function compareFile(path: string): Promise<number> {
  let failed = 0;
  let lineNumber = 0;
  const lines = createInterface({ input: createReadStream(path).on('error', () => undefined), crlfDelay: Infinity });
  try {
    for await (const line of lines) {
      lineNumber += 1;
      if (line.trim() === '') continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        failed += 1;
        process.stdout.write(`${JSON.stringify({ error: `line ${lineNumber}: not valid JSON` })}\n`);
        continue;
      }
      const parsed = ComparePair.safeParse(value);
      if (!parsed.success) {
        failed += 1;
        const issue = parsed.error.issues[0];
        const id = typeof (value as { id?: unknown } | null)?.id === 'string' ? (value as { id: string }).id : undefined;
        process.stdout.write(`${JSON.stringify({ ...(id !== undefined ? { id } : {}), error: `line ${lineNumber}: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` })}\n`);
        continue;
      }
      const { score, explanation } = compareSubjects(parsed.data.a, parsed.data.b);
      process.stdout.write(`${JSON.stringify({ id: parsed.data.id, score, explanation })}\n`);
    }
  } catch (error) {
    throw new VigilError('INVALID_INPUT', `cannot read ${path}`, { file: path }, { cause: error });
  }
  return failed;
}

export function compareCommand(): Command {
  return new Command('compare')
    .description('score two names (or, with --input, pairs of subjects) and explain the score')
    .argument('[nameA]', 'first name')
    .argument('[nameB]', 'second name')
    .option('--input <file>', 'JSON lines {"id", "a": subject, "b": subject}; writes {"id", "score", "explanation"}')
    .option('--schema <schema>', 'Person, Organization, Vessel or Aircraft (for two names)', 'Person')
    .option('--json', 'print JSON')
    .action(async (nameA: string | undefined, nameB: string | undefined, _options: CompareOptions, command: Command) => {
      const options = command.optsWithGlobals<CompareOptions>();
      if (options.input !== undefined) {
        const failed = await compareFile(options.input);
        if (failed > 0) process.exitCode = 2;
        return;
      }
      if (nameA === undefined || nameB === undefined) {
        throw new VigilError('INVALID_INPUT', 'give two names, or --input FILE', { field: 'names' });
      }
      const schema = Subject.shape.schema.unwrap().parse(options.schema);
      const result = compareSubjects({ id: 'a', name: nameA, schema }, { id: 'b', name: nameB, schema });
      emit(result, options, (r) => renderExplanation(r.score, r.explanation));
    });
}
