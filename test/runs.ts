/**
 * How many cases each property test runs: FC_NUM_RUNS, else 200. A longer run:
 * `FC_NUM_RUNS=5000 npm test`.
 */
export const RUNS = Math.max(1, Number(process.env.FC_NUM_RUNS ?? 200) || 200);
