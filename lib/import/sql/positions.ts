import type { SqlPos } from './model';

/**
 * Source positions of a script: PostgreSQL's parser counts UTF-8 bytes from 0, node-sql-parser counts UTF-16 code
 * units; the report wants 1-based lines and columns (in characters as an editor shows them, UTF-16 units).
 */
export class SourceText {
  readonly text: string;
  /** UTF-16 index of each line's first character. */
  private readonly lineStarts: number[] = [0];
  /** UTF-8 byte offset of each UTF-16 index, built on first use (only PostgreSQL needs it). */
  private byteIndex: Uint32Array | undefined;

  constructor(text: string) {
    this.text = text;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** 1-based line/column of a UTF-16 index. */
  at(index: number): SqlPos {
    const i = Math.max(0, Math.min(index, this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= i) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: i - (this.lineStarts[lo] as number) + 1 };
  }

  /** The UTF-16 index of a UTF-8 byte offset. */
  indexOfByte(byte: number): number {
    const bytes = this.bytes();
    let lo = 0;
    let hi = this.text.length;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((bytes[mid] as number) <= byte) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The UTF-8 byte offset of a UTF-16 index. */
  byteOfIndex(index: number): number {
    return this.bytes()[Math.max(0, Math.min(index, this.text.length))] as number;
  }

  atByte(byte: number | undefined): SqlPos {
    return this.at(byte === undefined || byte < 0 ? 0 : this.indexOfByte(byte));
  }

  /** A short piece of source from a byte offset, for messages (one line, at most 60 characters). */
  snippetAtByte(byte: number | undefined, fallback: string): string {
    if (byte === undefined || byte < 0) return fallback;
    const start = this.indexOfByte(byte);
    const line = this.text.slice(start, start + 200).split('\n')[0] ?? '';
    const text = line.trim();
    if (text === '') return fallback;
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  }

  private bytes(): Uint32Array {
    if (this.byteIndex) return this.byteIndex;
    const out = new Uint32Array(this.text.length + 1);
    let byte = 0;
    for (let i = 0; i < this.text.length; i++) {
      out[i] = byte;
      const code = this.text.charCodeAt(i);
      if (code < 0x80) byte += 1;
      else if (code < 0x800) byte += 2;
      else if (code >= 0xd800 && code <= 0xdbff && i + 1 < this.text.length) {
        out[i + 1] = byte + 2; // inside the pair: a byte offset at the pair finds its first unit
        byte += 4;
        i++;
      } else byte += 3;
    }
    out[this.text.length] = byte;
    this.byteIndex = out;
    return out;
  }
}
