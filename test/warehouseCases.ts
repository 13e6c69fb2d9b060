// Random usage rows for the warehouse tests and what the library says each costs: the rows the
// SQL must price exactly like charge(). A seeded generator, so a failure reproduces.

import { compileTable } from "../src/catalog/compileTable.js";
import { createPricebook } from "../src/catalog/createPricebook.js";
import { resolveName } from "../src/catalog/resolveName.js";
import { tableAsOf } from "../src/catalog/tableAsOf.js";
import { PricebookError } from "../src/errors.js";
import { charge } from "../src/pricing/charge.js";
import type { PricingTable, PricingTableInput, ServiceTierName } from "../src/schema/types.js";
import { sqlString } from "../src/sql/sqlText.js";
import { builtinPricebook } from "../src/tables/builtinPricebook.js";

/** A hand-made table: three versions, long-context tiers, service tiers as multipliers and as own rates. */
function house(version: string, effectiveFrom: string, input: string, flex: string): PricingTable {
  const body: PricingTableInput = {
    id: "house",
    version,
    effectiveFrom,
    source: "warehouse test",
    checkedOn: effectiveFrom,
    currency: "USD",
    models: {
      alpha: {
        provider: "acme",
        input: { perMillion: input },
        output: { perMillion: "10.4" },
        cachedInput: { perMillion: "0.0375" },
        cacheWrite: { perMillion: "1.5625" },
        cacheWrite1h: "0.0000025",
        aliases: ["alpha-2025-01-01"],
        tiers: [
          {
            aboveInputTokens: 1000,
            input: { perMillion: "2.75" },
            output: { perMillion: "13.3" },
            cachedInput: { perMillion: "0.07" },
          },
          { aboveInputTokens: 5000, input: "0.0000031", output: "0.0000157" },
        ],
        serviceTiers: {
          batch: { multiplier: "0.5" },
          flex: { multiplier: flex },
          priority: { input: { perMillion: "3.33" }, output: { perMillion: "17" } },
        },
      },
      beta: {
        provider: "acme",
        input: "0.000000137",
        output: "0.0000011",
        maxPricedInputTokens: 3000,
        serviceTiers: { priority: { multiplier: "1.75" } },
      },
      "kilo-model": { provider: "other", input: "0.00000002", output: "0.00000008" },
    },
  };
  return compileTable(body);
}

export const HOUSE = [
  house("v1", "2025-01-01", "1.25", "0.37"),
  house("v2", "2025-03-01", "1.1", "0.375"),
  house("v3", "2025-06-15", "0.99", "0.4125"),
];

/** A table as a hand-made object, past compileTable's id rules: quotes in its id, version and names. */
function hostile(): PricingTable {
  const base = structuredClone(HOUSE[0]) as unknown as Record<string, any>;
  const id = 'o\'brien "q" -- x';
  const alpha = base.models.alpha;
  base.id = "ho'stile";
  base.version = "1'; --";
  base.effectiveFrom = "2025-02-01";
  base.models = { [id]: { ...alpha, id, aliases: ["it's", "semi;colon"] } };
  base.provenance = { id: base.id, version: base.version, digest: "sha256:hostile" };
  return base as unknown as PricingTable;
}

const BUILTIN = builtinPricebook().tables.filter((table) =>
  ["openai", "anthropic", "google", "gpt-trainer-byok"].includes(table.id),
);

/** Every table the multi-table test loads. */
export const ALL_TABLES: readonly PricingTable[] = [...BUILTIN, ...HOUSE, hostile()];

/** One usage row. */
export interface UsageRow {
  readonly id: number;
  readonly tableId: string | null;
  readonly model: string | null;
  readonly usedAt: string | null;
  readonly input: number | null;
  readonly output: number | null;
  readonly cachedInput: number | null;
  readonly cacheWrite: number | null;
  readonly cacheWrite1h: number | null;
  readonly reasoning: number | null;
  readonly serviceTier: string | null;
}

/** What the library says about a row. */
export interface Expected {
  readonly usd: string | null;
  readonly unpriced: string | null;
  readonly version: string | null;
}

function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    // mulberry32
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (max: number) => Math.floor(next() * (max + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, int, pick };
}

function names(table: PricingTable): string[] {
  const out: string[] = [];
  for (const model of Object.values(table.models)) {
    out.push(
      model.id,
      ...model.aliases,
      `${model.provider}/${model.id}`,
      `${model.provider}:${model.id}`,
    );
  }
  out.push(...Object.keys(table.variants));
  return out;
}

const UNKNOWN = ["no-such-model", "it's", "'; DROP TABLE usage; --", 'a "b"', "gpt-4o\\", "", null];
const THRESHOLDS = [
  0, 1, 999, 1000, 1001, 2999, 3000, 3001, 4999, 5000, 5001, 127999, 128000, 128001, 199999, 200000,
  200001,
];
const SERVICE_TIERS = [
  "standard",
  "batch",
  "batch",
  "flex",
  "priority",
  "priority",
  "turbo",
  "BATCH",
];

function shiftDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86400000).toISOString().slice(0, 10);
}

/**
 * `count` random rows over `tables`: every name form, unknown and hostile names, dates on both
 * sides of every version change, input on both sides of every tier threshold, cache and
 * reasoning parts, service tiers, NULLs, negative and inconsistent counts.
 */
export function randomRows(
  tables: readonly PricingTable[],
  count: number,
  seed: number,
): UsageRow[] {
  const g = generator(seed);
  const ids = [...new Set(tables.map((t) => t.id))];
  const rows: UsageRow[] = [];
  for (let id = 1; id <= count; id++) {
    const table = g.pick(tables);
    const tableId =
      g.next() < 0.03
        ? g.pick([null, "nope", "OPENAI"])
        : g.next() < 0.1
          ? table.id.toUpperCase()
          : table.id;
    let model: string | null =
      g.next() < 0.08
        ? g.pick(UNKNOWN)
        : g.pick(names(g.pick(tables.filter((t) => t.id === table.id))));
    if (model !== null && g.next() < 0.1) model = model.toUpperCase();
    if (model !== null && g.next() < 0.1) model = model.replace(/k/i, "\u212a");
    const day = g.pick([
      shiftDay(table.effectiveFrom, -1),
      table.effectiveFrom,
      table.effectiveFrom,
      shiftDay(table.effectiveFrom, g.int(400)),
      shiftDay(table.effectiveFrom, g.int(400)),
      shiftDay(table.effectiveFrom, g.int(400)),
      shiftDay("2024-06-01", g.int(900)),
    ]);
    const time = g.pick([
      "00:00:00",
      "23:59:59.999999",
      `${String(g.int(23)).padStart(2, "0")}:30:00`,
    ]);
    const usedAt = g.next() < 0.01 ? null : `${day} ${time}`;
    const input =
      g.next() < 0.6 ? g.pick(THRESHOLDS) : g.next() < 0.9 ? g.int(2_000_000) : g.int(5e12);
    const part = (of: number, p: number) => (g.next() < p ? g.int(of) : 0);
    const cachedInput = part(input, 0.4);
    const cacheWrite = part(input - cachedInput, 0.12);
    const cacheWrite1h = part(input - cachedInput - cacheWrite, 0.08);
    const output = g.next() < 0.1 ? 0 : g.int(g.next() < 0.9 ? 50_000 : 1e9);
    const reasoning = part(output, 0.3);
    const counts = [input, output, cachedInput, cacheWrite, cacheWrite1h, reasoning] as (
      | number
      | null
    )[];
    const broken = g.next();
    if (broken < 0.02) counts[g.int(5)] = -1 - g.int(10);
    else if (broken < 0.04) counts[2] = input + 1 + g.int(5);
    else if (broken < 0.05) counts[5] = output + 1;
    for (let i = 0; i < 6; i++) if (g.next() < 0.015) counts[i] = null;
    rows.push({
      id,
      tableId: ids.length > 1 ? tableId : null,
      model,
      usedAt,
      input: counts[0] as number | null,
      output: counts[1] as number | null,
      cachedInput: counts[2] as number | null,
      cacheWrite: counts[3] as number | null,
      cacheWrite1h: counts[4] as number | null,
      reasoning: counts[5] as number | null,
      serviceTier: g.next() < 0.7 ? null : g.pick(SERVICE_TIERS),
    });
  }
  return rows;
}

/**
 * What the library says: the table version in force on the row's UTC date (tableAsOf), then
 * charge(). A NULL count is 0; NULL or "standard" service tier is the standard one. Three
 * documented differences (the third: a name only a shape rule resolves is UNKNOWN_MODEL in SQL): a row with no table id or date cannot reach the library's
 * functions, so the expectations are written here (UNKNOWN_TABLE, INVALID_USAGE), and an empty
 * or NULL model name, which resolveName refuses as INVALID_ARGUMENT, is UNKNOWN_MODEL in SQL.
 */
export function expectedOf(tables: readonly PricingTable[]): (row: UsageRow) => Expected {
  const book = createPricebook(tables);
  const ids = new Set(tables.map((t) => t.id));
  return (row) => expected(book.tables, ids, row);
}

function expected(
  tables: readonly PricingTable[],
  ids: ReadonlySet<string>,
  row: UsageRow,
): Expected {
  const book = { tables };
  const tableId = ids.size > 1 ? row.tableId : (tables[0] as PricingTable).id;
  if (tableId === null || !ids.has(tableId.toLowerCase()))
    return { usd: null, unpriced: "UNKNOWN_TABLE", version: null };
  if (row.usedAt === null) return { usd: null, unpriced: "INVALID_USAGE", version: null };
  let table: PricingTable;
  try {
    table = tableAsOf(book, tableId, { asOf: row.usedAt.slice(0, 10) });
  } catch (error) {
    return { usd: null, unpriced: (error as PricebookError).code, version: null };
  }
  const usage = {
    input: row.input ?? 0,
    output: row.output ?? 0,
    cachedInput: row.cachedInput ?? 0,
    cacheWrite: row.cacheWrite ?? 0,
    cacheWrite1h: row.cacheWrite1h ?? 0,
    reasoning: row.reasoning ?? 0,
  };
  const options =
    row.serviceTier === null || row.serviceTier === "standard"
      ? {}
      : { serviceTier: row.serviceTier as ServiceTierName };
  try {
    // The third documented difference (docs/warehouse.md): SQL finds names by list (id, alias,
    // variant id, provider prefix), never by the shape rules (dated snapshots, `-latest`, cloud
    // vendors' forms). A name that is an alias in one version may resolve by such a rule in
    // another (`gemini-2.5-flash-latest`), and is UNKNOWN_MODEL there in SQL.
    const { resolvedBy } = resolveName(table, row.model as string);
    if (resolvedBy === "snapshot" || resolvedBy === "vendor-form")
      return { usd: null, unpriced: "UNKNOWN_MODEL", version: table.version };
    return {
      usd: charge(table, row.model as string, usage, options).usd,
      unpriced: null,
      version: table.version,
    };
  } catch (error) {
    if (!(error instanceof PricebookError)) throw error;
    const code = error.code === "INVALID_ARGUMENT" ? "UNKNOWN_MODEL" : error.code;
    return { usd: null, unpriced: code, version: table.version };
  }
}

/** The usage table the tests create (with an id to match rows), and INSERTs of the rows. */
export function usageTableSql(name: string, withTableId: boolean): string {
  return `CREATE TABLE ${name} (id INTEGER, ${withTableId ? "table_id VARCHAR, " : ""}model VARCHAR, used_at TIMESTAMP, input BIGINT, output BIGINT, cached_input BIGINT, cache_write BIGINT, cache_write_1h BIGINT, reasoning BIGINT, service_tier VARCHAR);`;
}

export function insertSql(name: string, rows: readonly UsageRow[], withTableId: boolean): string {
  const text = (value: string | null) => (value === null ? "NULL" : sqlString(value));
  const num = (value: number | null) => (value === null ? "NULL" : String(value));
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const values = rows
      .slice(i, i + 1000)
      .map(
        (r) =>
          `(${r.id}, ${withTableId ? `${text(r.tableId)}, ` : ""}${text(r.model)}, ${r.usedAt === null ? "NULL" : `TIMESTAMP '${r.usedAt}'`}, ${num(r.input)}, ${num(r.output)}, ${num(r.cachedInput)}, ${num(r.cacheWrite)}, ${num(r.cacheWrite1h)}, ${num(r.reasoning)}, ${text(r.serviceTier)})`,
      );
    out.push(`INSERT INTO ${name} VALUES\n${values.join(",\n")};`);
  }
  return out.join("\n");
}

/** A decimal string without trailing zeros: "0.0080000" → "0.008", "0.000" → "0". */
export function trimZeros(value: string): string {
  return value.includes(".") ? value.replace(/0+$/, "").replace(/\.$/, "") : value;
}
