import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { VigilError } from '../../domain/index.js';

export interface TextLine {
  /** 1-based. */
  line: number;
  /** Without the line break; a leading byte-order mark on line 1 is dropped. */
  text: string;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

function decodeLine(bytes: Buffer, file: string, line: number): string {
  // Checked per line, so the error can name the line; `toString` alone would swap bad bytes for
  // U+FFFD and a name would silently stop matching.
  if (!isUtf8(bytes)) {
    throw new VigilError('LIST_PARSE_FAILED', `${file}: line ${line} is not valid UTF-8`, { file, line });
  }
  const end = bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN ? bytes.length - 1 : bytes.length;
  const text = bytes.toString('utf8', 0, end);
  return line === 1 && text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/**
 * Streams a file's lines, decoding each as strict UTF-8. Throws VigilError LIST_PARSE_FAILED naming
 * the file and line at the first invalid byte sequence, and wraps a file that cannot be read.
 */
export async function* readUtf8Lines(file: string): AsyncGenerator<TextLine> {
  let carry: Buffer = Buffer.alloc(0);
  let line = 0;
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      let data = chunk as Buffer;
      let start = 0;
      let newline = data.indexOf(NEWLINE, start);
      if (carry.length > 0 && newline !== -1) {
        data = Buffer.concat([carry, data]);
        newline += carry.length;
        carry = Buffer.alloc(0);
      }
      while (newline !== -1) {
        line += 1;
        yield { line, text: decodeLine(data.subarray(start, newline), file, line) };
        start = newline + 1;
        newline = data.indexOf(NEWLINE, start);
      }
      const rest = data.subarray(start);
      carry = carry.length > 0 ? Buffer.concat([carry, rest]) : Buffer.from(rest);
    }
  } catch (error) {
    if (error instanceof VigilError) throw error;
    throw new VigilError('LIST_PARSE_FAILED', `${file}: cannot read the file`, { file }, { cause: error });
  }
  if (carry.length > 0) {
    line += 1;
    yield { line, text: decodeLine(carry, file, line) };
  }
}
