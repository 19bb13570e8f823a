import { VigilError } from '../../../domain/index.js';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  // One trailing newline is how `echo` and here-strings end a line, not part of the password.
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (): void => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: Buffer | string): void => {
      for (const char of chunk.toString()) {
        if (char === '\r' || char === '\n') {
          finish();
          resolve(value);
          return;
        }
        if (char === '\u0003' || char === '\u0004') {
          finish();
          reject(new VigilError('INVALID_INPUT', 'cancelled: no password given', { field: 'password' }));
          return;
        }
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('');
        else value += char;
      }
    };
    process.stderr.write(question);
    input.setRawMode(true);
    input.resume();
    input.on('data', onData);
  });
}

/**
 * The new user's password: from standard input with `--password-stdin`, else typed twice at a
 * terminal. Never from the command line, where shell history and `ps` would keep it.
 */
export async function readNewPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readStdin();
  if (process.stdin.isTTY !== true) {
    throw new VigilError('INVALID_INPUT', 'no terminal to ask for the password: pipe it in with --password-stdin', { field: 'password' });
  }
  const first = await promptHidden('password: ');
  const second = await promptHidden('again: ');
  if (first !== second) throw new VigilError('INVALID_INPUT', 'the two passwords differ', { field: 'password' });
  return first;
}
