import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { VigilError } from '../../domain/index.js';

export interface SourceLine {
  /** 1-based. */
  line: number;
  /** Without the line break (LF or CRLF); a byte-order mark on line 1 is dropped. */
  text: string;
  /** False only for a last line the file ends inside: the sign of a truncated file. */
  terminated: boolean;
}

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/** Bytes in the UTF-8 sequence a lead byte opens; 0 for a byte that cannot lead one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Index of the first byte that starts an invalid UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length = sequenceLength(lead);
    if (length === 0 || i + length > bytes.length) return i;
    // Overlong, surrogate and out-of-range forms are excluded by isUtf8 on the whole line; here
    // only the position matters, so continuation bytes are checked loosely.
    for (let k = 1; k < length; k += 1) {
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return -1;
}

function decodeLine(bytes: Buffer, file: string, line: number): string {
  // Checked per line so the error can name the line; `toString` alone would swap bad bytes for
  // U+FFFD and a name would silently stop matching.
  if (!isUtf8(bytes)) {
    const at = Math.max(firstInvalidUtf8(bytes), 0);
    const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    throw new VigilError(
      'LIST_PARSE_FAILED',
      `${file}: line ${line}, byte ${at + 1}: 0x${byte} is not valid UTF-8 ` +
        '(a windows-1252 or latin1 export? convert the file to UTF-8)',
      { file, line, column: at + 1, byte: `0x${byte}` },
    );
  }
  const end = bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN ? bytes.length - 1 : bytes.length;
  const text = bytes.toString('utf8', 0, end);
  return line === 1 && text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/**
 * Streams a file's lines, decoding each as strict UTF-8 (the published OFAC files are plain
 * ASCII, a subset). Throws VigilError LIST_PARSE_FAILED naming file, line and byte at the first
 * invalid byte, and wraps a file that cannot be read.
 */
export async function* readLines(file: string): AsyncGenerator<SourceLine> {
  let carry: Buffer = Buffer.alloc(0);
  let line = 0;
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      let data = chunk as Buffer;
      if (carry.length > 0) {
        data = Buffer.concat([carry, data]);
        carry = Buffer.alloc(0);
      }
      let start = 0;
      let newline = data.indexOf(NEWLINE, start);
      while (newline !== -1) {
        line += 1;
        yield { line, text: decodeLine(data.subarray(start, newline), file, line), terminated: true };
        start = newline + 1;
        newline = data.indexOf(NEWLINE, start);
      }
      carry = Buffer.from(data.subarray(start));
    }
  } catch (error) {
    if (error instanceof VigilError) throw error;
    throw new VigilError('LIST_PARSE_FAILED', `${file}: cannot read the file`, { file }, { cause: error });
  }
  if (carry.length > 0) {
    line += 1;
    yield { line, text: decodeLine(carry, file, line), terminated: false };
  }
}
