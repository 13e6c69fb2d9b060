// A hand-written block timer, the method of the outside measurement in issue #15: each
// contender runs blocks of calls long enough (~10 ms) that the garbage it makes is collected
// inside its own timed blocks, every result is stored in the contender's sink (checked after the
// last block, so nothing can be optimised away), and contenders take turns block by block so
// that noise from the (shared) machine falls on all of them alike. The figure per contender is
// the median over its blocks of (block time ÷ calls in the block).

/** One thing to time. `block(n)` makes n calls and keeps every result in the contender's sink. */
export interface Contender {
  readonly name: string;
  readonly block: (calls: number) => void;
  /** Throws unless the sink holds the right results; run after the last block. */
  readonly check: () => void;
  /** The fewest calls a block may make (a per-record contender: one pass over its records). */
  readonly minCalls?: number;
}

/** What one contender measured, in nanoseconds per call. */
export interface Timing {
  readonly name: string;
  readonly median: number;
  readonly mean: number;
  readonly p25: number;
  readonly p75: number;
  readonly calls: number;
  readonly blocks: number;
}

export interface BlockOptions {
  /** Target length of one block, in milliseconds (10). */
  readonly blockMs?: number;
  /** Timed blocks per contender (41). */
  readonly rounds?: number;
  /** Untimed warm-up blocks per contender before the timed rounds (3). */
  readonly warmup?: number;
}

const now = () => process.hrtime.bigint();

/** Calls per block so that one block lasts about `blockMs`: doubled until it does. */
function calibrate(contender: Contender, blockMs: number): number {
  let calls = contender.minCalls ?? 1;
  for (;;) {
    const start = now();
    contender.block(calls);
    const ms = Number(now() - start) / 1e6;
    if (ms >= blockMs) return calls;
    // Jump close to the target once a block is long enough to measure, then settle by doubling.
    calls = ms > 0.5 ? Math.max(calls + 1, Math.ceil((calls * blockMs) / ms)) : calls * 2;
  }
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;

/**
 * Times every contender in blocks, round-robin (the order rotates every round), and checks
 * every sink at the end.
 */
export function timeBlocks(contenders: readonly Contender[], options: BlockOptions = {}): Timing[] {
  const blockMs = options.blockMs ?? 10;
  const rounds = options.rounds ?? 41;
  const warmup = options.warmup ?? 3;
  // Calibrated twice: the first pass also warms the code up (and may be slowed by compiling).
  let calls = contenders.map((c) => calibrate(c, blockMs));
  for (let round = 0; round < warmup; round++)
    contenders.forEach((c, i) => {
      c.block(calls[i] as number);
    });
  calls = contenders.map((c) => calibrate(c, blockMs));
  const perCall: number[][] = contenders.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let j = 0; j < contenders.length; j++) {
      const i = (j + round) % contenders.length;
      const contender = contenders[i] as Contender;
      const n = calls[i] as number;
      const start = now();
      contender.block(n);
      const ns = Number(now() - start);
      (perCall[i] as number[]).push(ns / n);
    }
  }
  for (const contender of contenders) contender.check();
  return contenders.map((contender, i) => {
    const times = [...(perCall[i] as number[])].sort((a, b) => a - b);
    return {
      name: contender.name,
      median: quantile(times, 0.5),
      mean: times.reduce((a, b) => a + b, 0) / times.length,
      p25: quantile(times, 0.25),
      p75: quantile(times, 0.75),
      calls: calls[i] as number,
      blocks: times.length,
    };
  });
}

/** ns as a short human figure. */
export function formatNs(ns: number): string {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${ns.toFixed(1)} ns`;
}

/**
 * Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` in a file (the
 * markers stay), so a document's figures are always a benchmark's latest output.
 */
export async function writeBetweenMarkers(file: string, name: string, text: string) {
  const { readFileSync, writeFileSync } = await import("node:fs");
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const doc = readFileSync(file, "utf8");
  const a = doc.indexOf(start);
  const b = doc.indexOf(end);
  if (a === -1 || b === -1 || b < a) throw new Error(`${file} has no ${start} … ${end} markers`);
  writeFileSync(file, `${doc.slice(0, a + start.length)}\n${text.trim()}\n${doc.slice(b)}`);
}
