import { closeSync, constants, fstatSync, openSync, readSync, statSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { PricebookError } from "../errors.js";
import { MAX_CATALOG_CHARS } from "./parseCatalogText.js";

// The CLI's way in for a catalog file: only a regular file, read with caps, gunzipped when it
// starts with gzip's magic bytes, decoded as strict UTF-8. Node-only (the library's
// importCatalog takes the text).

/**
 * The most bytes a catalog file may hold, and the most a `.gz` catalog may inflate to: the
 * same 64 MiB as {@link MAX_CATALOG_CHARS}.
 */
export const MAX_CATALOG_BYTES = MAX_CATALOG_CHARS;

/**
 * The text of the catalog file at `path`. A FIFO, a device, a socket or a directory is refused
 * from `stat` before the file is opened (and the open is non-blocking and checked again, so a
 * file swapped for a FIFO in between cannot block either). A file over `maxBytes` is refused
 * unread, and one that grows while read stops at the cap. Gzip data is inflated with the
 * output capped at `maxBytes`: zlib stops there, so a small bomb cannot inflate to gigabytes.
 * Errors name the file and never quote its content.
 *
 * @throws PricebookError `INVALID_ARGUMENT` (missing, unreadable, not a regular file),
 *   `LIMIT_EXCEEDED` (too large, or inflates past the cap), `INVALID_CATALOG` (bad gzip data,
 *   not UTF-8), `IO_ERROR` (a read failed).
 * @internal
 */
export function readCatalogFile(path: string, maxBytes: number = MAX_CATALOG_BYTES): string {
  const cannot = (error: unknown) =>
    new PricebookError(
      "INVALID_ARGUMENT",
      [path],
      `cannot read catalog file ${path}: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
    );
  let kind: string | undefined;
  try {
    kind = notRegular(statSync(path));
  } catch (error) {
    throw cannot(error);
  }
  if (kind !== undefined) throw notAFile(path, kind);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw cannot(error);
  }
  let bytes: Buffer;
  try {
    const stat = fstatSync(fd);
    const now = notRegular(stat);
    if (now !== undefined) throw notAFile(path, now);
    if (stat.size > maxBytes) throw tooBig(path, `is ${stat.size} bytes`, maxBytes);
    bytes = readAtMost(fd, path, maxBytes);
  } finally {
    closeSync(fd);
  }
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: maxBytes });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
        throw tooBig(path, "inflates to more than that", maxBytes);
      }
      throw new PricebookError(
        "INVALID_CATALOG",
        [path],
        `catalog file ${path} starts like gzip data but is not valid gzip data`,
      );
    }
  }
  try {
    // fatal: bytes that are not UTF-8 are an error, not U+FFFD (which would merge names).
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new PricebookError(
      "INVALID_CATALOG",
      [path],
      `catalog file ${path} is not UTF-8 text; save it as UTF-8`,
    );
  }
}

function notRegular(stat: import("node:fs").Stats): string | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return "a directory";
  if (stat.isFIFO()) return "a FIFO (named pipe)";
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return "a device";
  if (stat.isSocket()) return "a socket";
  return "not a regular file";
}

function notAFile(path: string, kind: string): PricebookError {
  return new PricebookError(
    "INVALID_ARGUMENT",
    [path],
    `catalog file ${path} is ${kind}; give a regular file`,
  );
}

function tooBig(path: string, what: string, max: number): PricebookError {
  return new PricebookError(
    "LIMIT_EXCEEDED",
    [path],
    `catalog file ${path} ${what}, over the limit of ${max} bytes for a catalog`,
  );
}

/** Up to maxBytes bytes; one more is LIMIT_EXCEEDED (the file grew while read). */
function readAtMost(fd: number, path: string, maxBytes: number): Buffer {
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
        `reading catalog file ${path} failed: ${(error as NodeJS.ErrnoException).code ?? "error"}`,
      );
    }
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
    if (total > maxBytes) throw tooBig(path, `is more than ${maxBytes} bytes`, maxBytes);
  }
  return Buffer.concat(chunks, total);
}
