import { isVigilError, describeLocation, VigilError } from '../domain/index.js';

/** Writes the data a command collected: JSON when asked, else the text rendering. */
export function emit<T>(data: T, options: { json?: boolean }, renderText: (data: T) => string): void {
  if (options.json === true) {
    process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  } else {
    const text = renderText(data);
    if (text !== '') process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}

/** A plain aligned table for terminals. */
export function table(headers: string[], rows: Array<Array<string | number | undefined>>): string {
  const cells = [headers, ...rows.map((row) => row.map((cell) => (cell === undefined ? '' : String(cell))))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  return cells
    .map((row) => row.map((cell, column) => (cell ?? '').padEnd(widths[column] ?? 0)).join('  ').trimEnd())
    .join('\n');
}

export function formatCount(value: number): string {
  return value.toLocaleString('en-US');
}

/** Progress for long runs, only on a terminal, on stderr so stdout stays data. */
export function progressReporter(label: string): ((count: number) => void) & { done(): void } {
  const isTty = process.stderr.isTTY === true;
  let last = 0;
  const report = (count: number): void => {
    if (!isTty) return;
    const now = Date.now();
    if (now - last < 100) return;
    last = now;
    process.stderr.write(`\r${label}: ${formatCount(count)} records`);
  };
  return Object.assign(report, {
    done(): void {
      if (isTty) process.stderr.write('\r\x1b[2K');
    },
  });
}

/** The one place that decides what a failure prints and which exit status it gives. */
export function reportFailure(error: unknown, options: { json?: boolean } = {}): number {
  const vigilError = isVigilError(error)
    ? error
    : new VigilError('INTERNAL', error instanceof Error ? error.message : String(error), {}, { cause: error });
  if (options.json === true) {
    process.stderr.write(`${JSON.stringify({ error: vigilError.toJSON() })}\n`);
  } else {
    const where = describeLocation(vigilError.details);
    process.stderr.write(`vigil: ${vigilError.message}${where !== '' && !vigilError.message.includes(where) ? ` (${where})` : ''}\n`);
    if (vigilError.code === 'INTERNAL' && error instanceof Error && error.stack !== undefined) {
      process.stderr.write(`${error.stack}\n`);
    }
  }
  return vigilError.exitCode;
}
