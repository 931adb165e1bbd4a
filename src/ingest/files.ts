/**
 * Reading inputs from disk safely: one file per report (text or HTML), or JSON Lines streamed
 * line by line (never the whole file in memory). Every problem is an IngestError with a
 * one-line message; callers name the input (`corroborate: skipped <input>: <message>`).
 */
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import type { ReportInput } from '../model/index.js';
import { IngestError, isIngestError } from './errors.js';

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

/** Bytes looked at by the binary check. */
const SNIFF_BYTES = 8192;

/** Byte offset of the first invalid UTF-8 sequence, or -1 when the buffer is valid UTF-8. */
export function firstInvalidUtf8(buf: Uint8Array): number {
  const n = buf.length;
  let i = 0;
  while (i < n) {
    const b = buf[i];
    if (b < 0x80) { i++; continue; }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** True when the bytes look like a binary file: NUL bytes, or many control characters. */
export function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, SNIFF_BYTES);
  if (!n) return false;
  let ctrl = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return true;
    if ((b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) || b === 127) ctrl++;
  }
  return ctrl / n > 0.1;
}

const fatalDecoder = new TextDecoder('utf-8', { fatal: true });

/** Bytes to text: rejects empty, binary and invalid UTF-8 content. A UTF-8 BOM is dropped. */
export function decodeBytes(buf: Uint8Array): string {
  if (buf.length === 0) throw new IngestError('empty', 'empty file');
  if (looksBinary(buf)) throw new IngestError('binary', 'binary file (NUL bytes or control characters), not text');
  let text: string;
  try {
    text = fatalDecoder.decode(buf);
  } catch {
    const at = firstInvalidUtf8(buf);
    throw new IngestError('invalid_utf8', `invalid UTF-8 at byte ${at < 0 ? 0 : at}`);
  }
  if (!text.trim()) throw new IngestError('empty', 'file holds only whitespace');
  return text;
}

function fsError(e: unknown): IngestError {
  if (isIngestError(e)) return e;
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'ENOENT') return new IngestError('not_found', 'no such file');
  if (err.code === 'EISDIR') return new IngestError('unreadable', 'is a directory');
  if (err.code === 'EACCES') return new IngestError('unreadable', 'permission denied');
  return new IngestError('unreadable', err.message ?? String(e));
}

export interface FileOptions {
  maxBytes?: number;
  published?: string | null;
}

/** One file as one report input (format guessed from the extension, else from the content). */
export async function readInputFile(path: string, opts: FileOptions = {}): Promise<ReportInput> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  let buf: Buffer;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new IngestError('unreadable', 'is a directory');
    if (st.size > maxBytes) throw new IngestError('too_large', `file is ${st.size} bytes, larger than the limit of ${maxBytes} (--max-bytes)`);
    const fh = await open(path, 'r');
    try {
      // read at most maxBytes + 1 (the file may have grown since stat)
      const chunk = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
      let got = 0;
      for (;;) {
        const { bytesRead } = await fh.read(chunk, got, chunk.length - got, got);
        if (!bytesRead) break;
        got += bytesRead;
        if (got >= chunk.length) break;
      }
      if (got > maxBytes) throw new IngestError('too_large', `file is larger than the limit of ${maxBytes} bytes (--max-bytes)`);
      buf = chunk.subarray(0, got);
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw fsError(e);
  }
  const text = decodeBytes(buf);
  const input: ReportInput = { id: path, text };
  if (/\.x?html?$/i.test(path)) input.format = 'html';
  else if (/\.(txt|text|md)$/i.test(path)) input.format = 'text';
  if (opts.published) input.published = opts.published;
  return input;
}

/** One line of a JSONL file: an input, or an error naming the line (and the id when there is one). */
export type JsonlItem =
  | { line: number; input: ReportInput; bytes: number }
  | { line: number; id: string | null; error: IngestError; bytes: number };

/** Validates one parsed JSONL record into a ReportInput. */
export function recordToInput(rec: unknown): ReportInput {
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) throw new IngestError('bad_record', 'line is not a JSON object');
  const r = rec as Record<string, unknown>;
  const id = r.id == null ? undefined : String(r.id);
  if (typeof r.text !== 'string') throw new IngestError('bad_record', r.text === undefined ? 'no "text" field' : '"text" is not a string');
  const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
  const input: ReportInput = { text: r.text };
  if (id !== undefined) input.id = id;
  if (str(r.title) !== null) input.title = str(r.title);
  if (str(r.published) !== null) input.published = str(r.published);
  if (str(r.url) !== null) input.url = str(r.url);
  if (r.format === 'html' || r.format === 'text') input.format = r.format;
  return input;
}

export interface RawLine {
  /** the line's bytes without the LF (and without a trailing CR); null when it was over the limit */
  buf: Buffer | null;
  /** bytes of the line including its LF */
  bytes: number;
}

/**
 * Splits a byte stream on LF without decoding; a line over `maxBytes` is counted, not kept.
 * A line's buffer may share memory with the stream's chunk: copy it to keep it.
 */
export async function* splitLines(stream: AsyncIterable<Buffer | string>, maxBytes: number): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let len = 0;
  let over = false;
  const finish = (extra: number): RawLine => {
    let buf: Buffer | null = null;
    if (!over) {
      buf = parts.length === 1 ? parts[0] : Buffer.concat(parts, len);
      if (buf.length && buf[buf.length - 1] === 13) buf = buf.subarray(0, buf.length - 1);
    }
    const r = { buf, bytes: len + extra };
    parts = []; len = 0; over = false;
    return r;
  };
  for await (const c of stream) {
    const chunk = typeof c === 'string' ? Buffer.from(c) : c;
    let from = 0;
    for (;;) {
      const nl = chunk.indexOf(10, from);
      const piece = chunk.subarray(from, nl < 0 ? chunk.length : nl);
      len += piece.length;
      if (!over) {
        if (len > maxBytes) { over = true; parts = []; }
        else if (piece.length) parts.push(piece);
      }
      if (nl < 0) break;
      yield finish(1);
      from = nl + 1;
    }
  }
  if (len > 0 || parts.length) yield finish(0);
}

/**
 * Streams a JSONL file (`-` for stdin): one item per non-blank line, in order, with its 1-based
 * line number. Each line is checked as UTF-8 on its own; lines longer than `maxBytes` are
 * reported without being held in memory. Memory: one line at a time.
 */
export async function* readJsonl(path: string, opts: { maxBytes?: number } = {}): AsyncGenerator<JsonlItem> {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const stream = path === '-' ? process.stdin : createReadStream(path, { highWaterMark: 256 * 1024 });
  if (path !== '-') {
    try {
      await new Promise<void>((resolve, reject) => {
        stream.once('open', () => resolve());
        stream.once('error', reject);
      });
    } catch (e) {
      throw fsError(e);
    }
  }
  let line = 0;
  try {
    for await (const { buf, bytes } of splitLines(stream as AsyncIterable<Buffer>, maxBytes)) {
      line++;
      if (buf === null) {
        yield { line, id: null, error: new IngestError('too_large', `line is ${bytes} bytes, larger than the limit of ${maxBytes} (--max-bytes)`), bytes };
        continue;
      }
      let text: string;
      try {
        text = fatalDecoder.decode(buf);
      } catch {
        yield { line, id: null, error: new IngestError('invalid_utf8', `invalid UTF-8 at byte ${Math.max(0, firstInvalidUtf8(buf))} of the line`), bytes };
        continue;
      }
      if (line === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      if (!text.trim()) continue;
      let rec: unknown;
      try {
        rec = JSON.parse(text);
      } catch (e) {
        yield { line, id: null, error: new IngestError('bad_json', `not JSON (${(e as Error).message.replace(/\s+/g, ' ').slice(0, 80)})`), bytes };
        continue;
      }
      const id = rec && typeof rec === 'object' && (rec as any).id != null ? String((rec as any).id) : null;
      try {
        yield { line, input: recordToInput(rec), bytes };
      } catch (e) {
        yield { line, id, error: e as IngestError, bytes };
      }
    }
  } catch (e) {
    throw fsError(e);
  } finally {
    if (path !== '-') (stream as ReturnType<typeof createReadStream>).destroy();
  }
}
