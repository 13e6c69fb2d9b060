import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Where Debian's postgresql package puts the server binaries (PG_BIN overrides). */
export const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
const SCRIPT = new URL("../scripts/pg-test-server.sh", import.meta.url).pathname;

/** Whether a PostgreSQL server can be started here. */
export function postgresInstalled(): boolean {
  return existsSync(join(PG_BIN, "initdb")) && spawnSync("psql", ["--version"]).status === 0;
}

/** A running throwaway server: run SQL through psql, and stop it. */
export interface PostgresServer {
  /** Runs SQL (stops at the first error) and returns psql's unaligned, tuples-only output. */
  readonly psql: (sql: string, database?: string) => string;
  readonly stop: () => void;
}

/**
 * Starts PostgreSQL in a fresh data directory on a private port, over a unix socket only
 * (scripts/pg-test-server.sh; as the postgres user when run as root).
 */
export function startPostgres(): PostgresServer {
  const dir = mkdtempSync(join(tmpdir(), "pricebook-pg-"));
  const port = String(20000 + (process.pid % 20000));
  const started = spawnSync("bash", [SCRIPT, "start", dir, port], { encoding: "utf8" });
  if (started.status !== 0) {
    spawnSync("bash", [SCRIPT, "stop", dir]);
    throw new Error(`cannot start PostgreSQL: ${started.stderr}${started.stdout}`);
  }
  return {
    psql: (sql, database = "postgres") => {
      const result = spawnSync(
        "psql",
        ["-h", dir, "-p", port, "-U", "postgres", "-d", database, "-X", "-q", "-A", "-t"],
        {
          input: `\\set ON_ERROR_STOP on\nSET client_min_messages = warning;\n${sql}`,
          encoding: "utf8",
          maxBuffer: 1 << 28,
        },
      );
      if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
      return result.stdout;
    },
    stop: () => {
      spawnSync("bash", [SCRIPT, "stop", dir]);
    },
  };
}
