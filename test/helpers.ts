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

/** Runs the CLI in-process. */
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
