import { closeSync, createReadStream, openSync, readSync, statSync } from "node:fs";
import { pipeline, Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { PricebookError } from "../errors.js";

/** Lines longer than this are refused: a log line is a record, not a file. */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;
/** Whole lines are decoded in runs of about this many bytes (see the loop below). */
const DECODE_BYTES = 64 * 1024;

/** How far through its input a read is. */
export interface ReadProgress {
  /** Bytes read from the file or stdin (compressed bytes for a `.gz`). */
  bytes: number;
  /** The file's size, or null for stdin. */
  readonly size: number | null;
}

/** An input to read: a file path, or `-` with the stream to read for it. */
export interface LineSource {
  readonly path: string;
  readonly stdin?: AsyncIterable<Buffer | string>;
}

/**
 * Calls `onLine(text, number)` for every line of a file or stdin, gunzipping when the input
 * starts with the gzip magic bytes, without holding more than one chunk and one line. Lines
 * are split on `\n` (a trailing `\r` is dropped). `onLine` returns false to stop early.
 *
 * A chunked splitter rather than node:readline: readline's per-line events cost more than
 * the pricing itself on a million-line log (bench/price-log.bench.ts).
 */
export async function forEachLine(
  source: LineSource,
  progress: ReadProgress,
  onLine: (text: string, line: number) => boolean,
): Promise<void> {
  const raw = open(source);
  const chunks = raw[Symbol.asyncIterator]();
  let first: IteratorResult<Buffer | string>;
  try {
    first = await chunks.next();
  } catch (error) {
    throw readError(source.path, error);
  }
  if (first.done) return;
  const head = toBuffer(first.value);
  async function* counted(): AsyncGenerator<Buffer> {
    progress.bytes += head.length;
    yield head;
    for (;;) {
      const next = await chunks.next();
      if (next.done) return;
      const buffer = toBuffer(next.value);
      progress.bytes += buffer.length;
      yield buffer;
    }
  }
  const gzip = head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
  const stream: AsyncIterable<Buffer> = gzip
    ? pipeline(Readable.from(counted()), createGunzip(), () => {})
    : counted();
  // Split on bytes: 0x0A never occurs inside a multi-byte UTF-8 sequence, so each run of whole
  // lines decodes on its own (Buffer#toString is twice as fast as a StringDecoder here).
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let line = 0;
  let stopped = false;
  const take = (text: string): boolean => {
    let from = line === 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    for (;;) {
      const newline = text.indexOf("\n", from);
      if (newline === -1) return true;
      line += 1;
      const end = newline > from && text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline;
      if (!onLine(text.slice(from, end), line)) return false;
      from = newline + 1;
    }
  };
  try {
    for await (const data of stream) {
      const last = data.lastIndexOf(10);
      if (last === -1) {
        pending.push(data);
        pendingBytes += data.length;
        if (pendingBytes > MAX_LINE_BYTES) throw tooLong(source.path, line + 1);
        continue;
      }
      let from = 0;
      if (pending.length > 0) {
        // The line begun in earlier chunks: decode it alone, then the whole lines after it.
        const first = data.indexOf(10);
        pending.push(data.subarray(0, first + 1));
        const head = Buffer.concat(pending).toString("utf8");
        pending = [];
        pendingBytes = 0;
        if (!take(head)) {
          stopped = true;
          break;
        }
        from = first + 1;
      }
      // Decoded in runs of whole lines of at most ~64 KB: a string above V8's regular object
      // size (128 KB) goes to large-object space, which made decoding 1 MB at once cost more
      // than JSON.parse (bench/price-log.bench.ts); small strings are nearly free.
      while (from <= last) {
        let end = from + DECODE_BYTES >= last ? last : data.lastIndexOf(10, from + DECODE_BYTES);
        if (end < from) end = data.indexOf(10, from);
        if (!take(data.toString("utf8", from, end + 1))) {
          stopped = true;
          break;
        }
        from = end + 1;
      }
      if (stopped) break;
      if (last + 1 < data.length) {
        pending.push(data.subarray(last + 1));
        pendingBytes = data.length - last - 1;
      }
    }
  } catch (error) {
    if (error instanceof PricebookError) throw error;
    throw readError(source.path, error);
  } finally {
    if (stopped) await chunks.return?.();
  }
  if (stopped || pendingBytes === 0) return;
  const text = Buffer.concat(pending).toString("utf8");
  if (line === 0 && text.charCodeAt(0) === 0xfeff) {
    if (text.length > 1) onLine(text.slice(1).replace(/\r$/, ""), 1);
    return;
  }
  onLine(text.endsWith("\r") ? text.slice(0, -1) : text, line + 1);
}

function tooLong(path: string, line: number): PricebookError {
  return new PricebookError(
    "LIMIT_EXCEEDED",
    [path],
    `line ${line} of ${path} is longer than ${MAX_LINE_BYTES / 1024 / 1024} MB; a log line holds one record`,
  );
}

/** The size of a file to read, or null for stdin or when it cannot be known. */
export function sizeOf(path: string): number | null {
  if (path === "-") return null;
  try {
    const stat = statSync(path);
    return stat.isFile() ? stat.size : null;
  } catch {
    return null;
  }
}

function open(source: LineSource): AsyncIterable<Buffer | string> {
  if (source.path === "-") {
    if (source.stdin === undefined) {
      throw new PricebookError("IO_ERROR", ["-"], "no standard input to read");
    }
    return source.stdin;
  }
  // A regular file is read with readSync: a stream's reads on the thread pool left the main
  // thread waiting ~10% of a million-line log (bench/price-log.bench.ts). A FIFO, a device or
  // anything else is streamed, so a read never blocks on a writer.
  let regular = false;
  try {
    regular = statSync(source.path).isFile();
  } catch {
    // createReadStream reports it (ENOENT, EACCES…)
  }
  if (regular) return readChunks(source.path);
  // 64 KB reads (the stream's default): 1 MB ones cost a third more CPU, most of it system
  // time, and ~40 MB more peak RSS on a million-line log (bench/price-log.bench.ts).
  return createReadStream(source.path, { highWaterMark: 64 * 1024 });
}

/** Bytes read from a regular file at a time. */
const READ_BYTES = 128 * 1024;

/** A regular file's bytes in chunks of a fresh buffer each (a chunk may be held as a partial line). */
async function* readChunks(path: string): AsyncGenerator<Buffer> {
  const fd = openSync(path, "r");
  try {
    for (;;) {
      const buffer = Buffer.allocUnsafe(READ_BYTES);
      const read = readSync(fd, buffer, 0, READ_BYTES, null);
      if (read === 0) return;
      yield read < READ_BYTES ? buffer.subarray(0, read) : buffer;
    }
  } finally {
    closeSync(fd);
  }
}

function toBuffer(chunk: Buffer | string): Buffer {
  return typeof chunk === "string" ? Buffer.from(chunk) : chunk;
}

function readError(path: string, error: unknown): PricebookError {
  const code = (error as NodeJS.ErrnoException)?.code;
  // A path that does not name a readable file is a bad argument, as for a table file.
  if (code === "ENOENT" || code === "EISDIR" || code === "EACCES") {
    const why =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "it is a directory"
          : "permission denied";
    return new PricebookError("INVALID_ARGUMENT", [path], `cannot read ${path}: ${why}`);
  }
  const what =
    code === "ENOENT"
      ? "no such file"
      : code === "EISDIR"
        ? "it is a directory"
        : code === "EACCES"
          ? "permission denied"
          : code?.startsWith("Z_")
            ? "it is not valid gzip data"
            : (code ?? (error instanceof Error ? error.message : String(error)));
  return new PricebookError("IO_ERROR", [path], `cannot read ${path}: ${what}`);
}
