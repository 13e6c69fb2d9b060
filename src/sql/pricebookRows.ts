import { createPricebook, type Pricebook } from "../catalog/createPricebook.js";
import { PricebookError } from "../errors.js";
import { Dec } from "../money/decimal.js";
import { formatDecimal } from "../money/formatDecimal.js";
import type { Model, PricingTable, RateKind, Rates } from "../schema/types.js";
import { SQL_RATE_KINDS, SQL_SERVICE_TIERS } from "./rateKinds.js";
import { type SqlPath, sqlDecimal } from "./sqlLiteral.js";

/** One table version and the day after its last. @internal */
export interface SqlVersion {
  readonly tableId: string;
  readonly version: string;
  readonly effectiveFrom: string;
  /** The next version's effectiveFrom, or null for the newest. */
  readonly effectiveTo: string | null;
  readonly digest: string;
  /** Where the version is in the list of tables, for errors: `["tables", 0]`. */
  readonly path: SqlPath;
}

/** One name a version answers to (id, alias, variant id, provider-prefixed form). @internal */
export interface SqlName {
  readonly version: SqlVersion;
  readonly name: string;
  readonly model: string;
  readonly resolvedBy: "id" | "alias" | "prefix";
  readonly maxPricedInputTokens: number | null;
  /** The model's path in its table, for errors. */
  readonly modelPath: SqlPath;
}

/** One rate: a version's model, service tier, long-context level and rate kind. @internal */
export interface SqlRate {
  readonly version: SqlVersion;
  readonly model: string;
  readonly serviceTier: (typeof SQL_SERVICE_TIERS)[number];
  /** The level applies to requests with input strictly above this (0: the standard level). */
  readonly aboveInputTokens: number;
  /** …and at most this many input tokens (the next tier's threshold), or null. */
  readonly upToInputTokens: number | null;
  readonly kind: string;
  readonly rate: string;
  /** Where aboveInputTokens, upToInputTokens and the rate come from, for errors. */
  readonly paths: { readonly above: SqlPath; readonly upTo: SqlPath; readonly rate: SqlPath };
}

/** Everything the script loads, with the decimal scale its rates need. @internal */
export interface PricebookRows {
  readonly tableIds: readonly string[];
  readonly versions: readonly SqlVersion[];
  readonly names: readonly SqlName[];
  readonly rates: readonly SqlRate[];
  /** The most digits after the point of any rate. */
  readonly scale: number;
  /** The most digits before the point of any rate. */
  readonly integerDigits: number;
}

const KINDS = Object.entries(SQL_RATE_KINDS) as [RateKind, string][];

/**
 * The rows of `pricebook_versions`, `pricebook_names` and `pricebook_rates` for some table
 * versions: every version with the day the next one takes over, every name of every model
 * (as resolveName finds it: id, alias, variant id, `provider/` or `provider:` prefix), and
 * every rate of every long-context level and service tier, multipliers applied exactly.
 *
 * @internal
 */
export function pricebookRows(tables: unknown): PricebookRows {
  const book = toPricebook(tables);
  const versions: SqlVersion[] = [];
  const names: SqlName[] = [];
  const rates: SqlRate[] = [];
  const tables_ = book.tables;
  tables_.forEach((table, index) => {
    const next = tables_[index + 1];
    const version: SqlVersion = {
      tableId: table.id,
      version: table.version,
      effectiveFrom: table.effectiveFrom,
      effectiveTo: next !== undefined && next.id === table.id ? next.effectiveFrom : null,
      digest: table.provenance.digest,
      path: ["tables", index],
    };
    versions.push(version);
    names.push(...namesOf(table, version));
    for (const model of Object.values(table.models)) {
      rates.push(...ratesOf(model, version, [...version.path, "models", model.id]));
    }
  });
  let scale = 0;
  let integerDigits = 0;
  for (const { rate } of rates) {
    const [whole = "", fraction = ""] = rate.split(".");
    scale = Math.max(scale, fraction.length);
    integerDigits = Math.max(integerDigits, whole.replace(/^0+/, "").length);
  }
  return {
    tableIds: [...new Set(versions.map((v) => v.tableId))],
    versions,
    names,
    rates,
    scale,
    integerDigits,
  };
}

function toPricebook(tables: unknown): Pricebook {
  const list =
    typeof tables === "object" && tables !== null && !Array.isArray(tables) && "tables" in tables
      ? (tables as Pricebook).tables
      : tables;
  if (!Array.isArray(list) || list.length === 0) {
    throw new PricebookError(
      "INVALID_ARGUMENT",
      ["tables"],
      "tables: expected a non-empty array of compiled tables (or a pricebook): every version of each table to load",
    );
  }
  return createPricebook(list as PricingTable[]);
}

function namesOf(table: PricingTable, version: SqlVersion): SqlName[] {
  // Mirrors resolveName: exact names first (ids, then aliases not already taken, then variant
  // ids), then `provider/name` and `provider:name` for each, which cannot clash with an exact
  // name since ids hold neither "/" nor ":" (a hand-made table's exact name still wins).
  const exact = new Map<string, SqlName>();
  const add = (name: string, model: Model, resolvedBy: SqlName["resolvedBy"]) => {
    exact.set(name, {
      version,
      name,
      model: model.id,
      resolvedBy,
      maxPricedInputTokens: model.maxPricedInputTokens ?? null,
      modelPath: [...version.path, "models", model.id],
    });
  };
  for (const model of Object.values(table.models)) {
    add(model.id, model, "id");
    for (const alias of model.aliases) if (!exact.has(alias)) add(alias, model, "alias");
  }
  for (const variant of Object.values(table.variants)) {
    add(variant.id, table.models[variant.model] as Model, "id");
  }
  const all = new Map(exact);
  for (const entry of exact.values()) {
    const provider = (table.models[entry.model] as Model).provider;
    for (const separator of ["/", ":"]) {
      const name = `${provider}${separator}${entry.name}`;
      if (!all.has(name)) all.set(name, { ...entry, name, resolvedBy: "prefix" });
    }
  }
  return [...all.values()];
}

function ratesOf(model: Model, version: SqlVersion, at: SqlPath): SqlRate[] {
  const rows: SqlRate[] = [];
  if (!Array.isArray(model.tiers)) {
    throw new PricebookError("INVALID_TABLE", [...at, "tiers"], "tiers: expected a list");
  }
  // `tier`: the level's index in model.tiers (−1 for the model's own rates), for error paths.
  type Level = { rates: Rates; above: number; upTo: number | null; at: SqlPath; tier: number };
  const levels: Level[] = [];
  const thresholds = model.tiers.map((tier) => tier.aboveInputTokens);
  const tierPath = (index: number): SqlPath => [...at, "tiers", index, "aboveInputTokens"];
  levels.push({ rates: model, above: 0, upTo: thresholds[0] ?? null, at, tier: -1 });
  model.tiers.forEach((tier, index) => {
    levels.push({
      rates: tier,
      above: tier.aboveInputTokens,
      upTo: thresholds[index + 1] ?? null,
      at: [...at, "tiers", index],
      tier: index,
    });
  });
  const push = (serviceTier: SqlRate["serviceTier"], level: Level, multiplier: string | null) => {
    const index = level.tier;
    for (const [kind, sqlKind] of KINDS) {
      const rate = (level.rates as Partial<Record<RateKind, string>>)[kind];
      if (rate === undefined) continue;
      // Checked before the multiplier is applied: a JSON copy of a table can hold anything.
      const plain = sqlDecimal(rate, [...level.at, kind]);
      const times =
        multiplier === null
          ? null
          : sqlDecimal(multiplier, [...at, "serviceTiers", serviceTier, "multiplier"]);
      rows.push({
        version,
        model: model.id,
        serviceTier,
        aboveInputTokens: level.above,
        upToInputTokens: level.upTo,
        kind: sqlKind,
        rate: times === null ? plain : formatDecimal(new Dec(plain).times(times)),
        paths: {
          above: index < 0 ? [...at, "aboveInputTokens"] : tierPath(index),
          upTo: tierPath(index + 1),
          rate: [...level.at, kind],
        },
      });
    }
  };
  for (const level of levels) push("standard", level, null);
  for (const serviceTier of SQL_SERVICE_TIERS) {
    if (serviceTier === "standard") continue;
    const service = model.serviceTiers[serviceTier];
    if (service === undefined) continue;
    if ("multiplier" in service) {
      for (const level of levels) push(serviceTier, level, service.multiplier);
    } else {
      // Own rates price standard-size requests only: above the first tier it is UNPRICED_USAGE.
      const own = {
        rates: service,
        above: 0,
        upTo: thresholds[0] ?? null,
        at: [...at, "serviceTiers", serviceTier],
        tier: -1,
      };
      push(serviceTier, own, null);
    }
  }
  return rows;
}
