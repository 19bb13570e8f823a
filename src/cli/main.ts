import { buildProgram, VIGIL_VERSION } from './program.js';
import { reportFailure } from './output.js';

const program = buildProgram().exitOverride();
try {
  const first = process.argv[2];
  if (first === '--version' || first === '-V') process.stdout.write(`${VIGIL_VERSION}\n`);
  else await program.parseAsync(process.argv);
} catch (error) {
  const isCommanderExit = error instanceof Error && 'exitCode' in error && 'code' in error && typeof (error as { code: unknown }).code === 'string' && String((error as { code: string }).code).startsWith('commander.');
  if (isCommanderExit) {
    process.exitCode = (error as { exitCode: number }).exitCode;
  } else {
    process.exitCode = reportFailure(error, { json: process.argv.includes('--json') });
  }
}
