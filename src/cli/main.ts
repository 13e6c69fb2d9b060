import { PricebookError } from "../errors.js";
import { runCli } from "./run.js";

// Output that cannot be written never crashes the CLI with a stack trace:
// - EPIPE (the reader went away: `… | head -c1`) ends quietly: nothing more is written and
//   the exit status stays the command's own (0 when it was done), as `cat`, `grep` and
//   `sort` do when SIGPIPE is ignored.
// - Any other write error (ENOSPC on `> /dev/full`, EIO, …) is `error IO_ERROR: …` on stderr,
//   exit status 3. A failing write of stdout may surface synchronously (files, terminals) or
//   as an 'error' event of the stream (pipes); both are handled here.
let stdoutClosed = false;

function writeFailure(stream: "stdout" | "stderr", error: unknown): void {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === "EPIPE") {
    if (stream === "stdout") stdoutClosed = true;
    return;
  }
  process.exitCode = 3;
  if (stream === "stdout") {
    stdoutClosed = true;
    try {
      process.stderr.write(`error IO_ERROR: writing the output failed: ${code ?? "error"}\n`);
    } catch {
      // stderr is gone too: the exit status is all that is left to tell.
    }
  }
}

process.stdout.on("error", (error) => writeFailure("stdout", error));
process.stderr.on("error", (error) => writeFailure("stderr", error));

const status = runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stderrIsTTY: process.stderr.isTTY === true,
  stdout: (text) => {
    if (stdoutClosed) return;
    try {
      process.stdout.write(text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      if (code === "EPIPE") {
        stdoutClosed = true;
        return;
      }
      stdoutClosed = true;
      throw new PricebookError(
        "IO_ERROR",
        ["stdout"],
        `writing the output failed: ${code ?? "error"}`,
      );
    }
  },
  stderr: (text) => {
    try {
      process.stderr.write(text);
    } catch (error) {
      writeFailure("stderr", error);
    }
  },
});
// An asynchronous write failure may already have set 3; a later status never hides it.
function finish(code: number): void {
  if (process.exitCode !== 3) process.exitCode = code;
}
if (typeof status === "number") finish(status);
else void status.then(finish);
