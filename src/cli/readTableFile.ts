import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { PricebookError } from "../errors.js";

/** The largest table file read unless raised: 64 MiB, far above any real price sheet. */
export const DEFAULT_MAX_TABLE_BYTES = 64 * 1024 * 1024;

/** The environment variable that raises (or lowers) the cap: a whole number of bytes. */
export const MAX_TABLE_BYTES_ENV = "LLM_PRICEBOOK_MAX_TABLE_BYTES";

/** Options of {@link readTableFile}. */
export interface ReadTableFileOptions {
  /** The most bytes the file may hold. Default {@link DEFAULT_MAX_TABLE_BYTES}. */
  readonly maxBytes?: number;
  /** What the file is, for messages. Default "table file". */
  readonly what?: string;
}

/**
 * The cap on table files from the environment ({@link MAX_TABLE_BYTES_ENV}), else the default.
 * A value that is not a positive whole number is an `INVALID_ARGUMENT`.
 */
export function maxTableBytes(env: Readonly<Record<string, string | undefined>>): number {
  const text = env[MAX_TABLE_BYTES_ENV];
  if (text === undefined || text === "") return DEFAULT_MAX_TABLE_BYTES;
  const value = /^\d{1,15}$/.test(text) ? Number(text) : 0;
  if (value < 1) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      [MAX_TABLE_BYTES_ENV],
      `${MAX_TABLE_BYTES_ENV} must be a whole number of bytes above 0, got ${JSON.stringify(text.slice(0, 40))}`,
    );
  }
  return value;
}

/**
 * Reads a table (or any JSON input) file with limits, for every command that takes one.
 * Only a regular file is read: a FIFO, a device (`/dev/zero`), a socket or a directory is
 * refused at once (the file is opened non-blocking and checked with fstat before a byte is
 * read, so a FIFO never blocks). A file over `maxBytes` is `LIMIT_EXCEEDED` without being read
 * whole (a file that grows while read is stopped at the cap). The bytes must be UTF-8 (a BOM
 * is accepted and dropped); anything else is `INVALID_TABLE`, never silently replaced.
 * Errors name the file and never echo its contents.
 *
 * @throws PricebookError `INVALID_ARGUMENT` (missing, unreadable or not a regular file),
 *   `LIMIT_EXCEEDED`, `INVALID_TABLE` (not UTF-8), `IO_ERROR` (a read failed)
 */
export function readTableFile(path: string, options: ReadTableFileOptions = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_TABLE_BYTES;
  const what = options.what ?? "table file";
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      [path],
      `cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
    );
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) {
      const kind = stat.isDirectory()
        ? "a directory"
        : stat.isFIFO()
          ? "a FIFO (named pipe)"
          : stat.isCharacterDevice() || stat.isBlockDevice()
            ? "a device"
            : stat.isSocket()
              ? "a socket"
              : "not a regular file";
      throw new PricebookError(
        "INVALID_ARGUMENT",
        [path],
        `${what} ${path} is ${kind}; give a regular file`,
      );
    }
    if (stat.size > maxBytes) throw tooBig(path, what, stat.size, maxBytes);
    const bytes = readAtMost(fd, path, what, maxBytes);
    try {
      // fatal: invalid UTF-8 is an error, not U+FFFD; a leading BOM is dropped.
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new PricebookError(
        "INVALID_TABLE",
        [path],
        `${what} ${path} is not UTF-8 text; save it as UTF-8`,
      );
    }
  } finally {
    closeSync(fd);
  }
}

/** Up to maxBytes bytes; one more byte than that is LIMIT_EXCEEDED (the file grew). */
function readAtMost(fd: number, path: string, what: string, maxBytes: number): Uint8Array {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.min(1 << 20, maxBytes + 1 - total));
    let read: number;
    try {
      read = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      throw new PricebookError(
        "IO_ERROR",
        [path],
        `reading ${what} ${path} failed: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
      );
    }
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total > maxBytes) throw tooBig(path, what, total, maxBytes, true);
  }
  return Buffer.concat(chunks, total);
}

function tooBig(path: string, what: string, size: number, max: number, atLeast = false) {
  return new PricebookError(
    "LIMIT_EXCEEDED",
    [path],
    `${what} ${path} is ${atLeast ? "more than " : ""}${atLeast ? max : size} bytes, over the limit of ${max} bytes; raise it with ${MAX_TABLE_BYTES_ENV}=BYTES`,
  );
}
