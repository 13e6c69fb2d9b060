import { randomBytes } from "node:crypto";
import { constants, openSync, realpathSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { PricebookError } from "../errors.js";

/**
 * Refuses an output path before any work: one that is an input (the same path after links,
 * or the same file by device and inode: a hard link), or that names something other than a
 * regular file (a directory, a FIFO, a device). `INVALID_ARGUMENT`, exit 2.
 */
export function checkOutputTarget(out: string, inputs: readonly string[]): void {
  let target: ReturnType<typeof statSync> | undefined;
  try {
    target = statSync(out);
  } catch {
    target = undefined; // not there yet: written fresh
  }
  if (target !== undefined && !target.isFile()) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["--out"],
      "--out names a directory or a special file; give the path of a file to write",
    );
  }
  for (const input of inputs) {
    if (input === "-") continue;
    let same = false;
    try {
      const source = statSync(input);
      same = target !== undefined && source.dev === target.dev && source.ino === target.ino;
      same ||= realpathSync(input) === join(realpathSync(dirname(out)), basename(out));
    } catch {
      same = false;
    }
    if (same) {
      throw new PricebookError(
        "INVALID_ARGUMENT",
        ["--out"],
        "--out is the input file (or a link to it); write the priced rows to another file",
      );
    }
  }
}

/**
 * Creates a fresh temporary file beside `path`, exclusively (O_EXCL) and never through a link
 * (O_NOFOLLOW), with a random name: a planted `.partial` or symlink is never followed or
 * overwritten. A directory that cannot be written is `INVALID_ARGUMENT` (exit 2), before any
 * work. Returns the descriptor and the temporary path.
 */
export function openTemporary(path: string): { fd: number; partial: string } {
  const partial = `${path}.${randomBytes(6).toString("hex")}.partial`;
  const flags =
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
  try {
    return { fd: openSync(partial, flags, 0o644), partial };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["--out"],
      `cannot write beside ${basename(path)} (${code}); choose a directory you can write to`,
    );
  }
}
