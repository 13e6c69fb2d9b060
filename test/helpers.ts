import { readFileSync } from "node:fs";
import { runCli } from "../src/cli/run.js";
import { PricebookError } from "../src/errors.js";

/** The source page, verbatim. */
export const PAGE = readFileSync(
  new URL("./fixtures/byok-and-pricing.txt", import.meta.url),
  "utf8",
);

/** The rows of a pipe table on the page whose first cell matches `first`. */
export function pageRows(first: RegExp): string[][] {
  return PAGE.split("\n")
    .filter((line) => line.includes("|") && first.test(line.split("|")[0]?.trim() ?? ""))
    .map((line) =>
      line
        .split("|")
        .map((cell) => cell.trim())
        .slice(0, 6),
    );
}

/** Runs a synchronous CLI command in-process. */
export function cli(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = "";
  let stderr = "";
  const code = runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    today: () => "2026-11-27",
  });
  if (typeof code !== "number") throw new Error(`${argv[0]} streams: run it with cliAsync`);
  return { code, stdout, stderr };
}

/** Runs any CLI command in-process (`price` streams), with stdin and a TTY flag to inject. */
export async function cliAsync(
  argv: string[],
  options: { stdin?: string | Buffer; stderrIsTTY?: boolean } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const stdin = options.stdin;
  const code = await runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    today: () => "2026-11-27",
    ...(stdin === undefined
      ? {}
      : { stdin: chunks(typeof stdin === "string" ? Buffer.from(stdin) : stdin) }),
    ...(options.stderrIsTTY === undefined ? {} : { stderrIsTTY: options.stderrIsTTY }),
  });
  return { code, stdout, stderr };
}

/** The PricebookError `fn` throws; fails the test when it throws anything else or nothing. */
export function caught(fn: () => unknown): PricebookError {
  try {
    fn();
  } catch (error) {
    if (error instanceof PricebookError) return error;
    throw new Error(`expected a PricebookError, got ${String(error)}`);
  }
  throw new Error("expected a PricebookError, but nothing was thrown");
}

/** A buffer as a stream of small chunks, as a pipe delivers it. */
async function* chunks(buffer: Buffer): AsyncGenerator<Buffer> {
  for (let i = 0; i < buffer.length; i += 7) yield buffer.subarray(i, i + 7);
}
