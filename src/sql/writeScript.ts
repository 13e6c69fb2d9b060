import type { PricebookRows, SqlVersion } from "./pricebookRows.js";
import { SQL_SERVICE_TIERS } from "./rateKinds.js";
import type { SqlDialect } from "./sqlDialect.js";
import { sqlDate, sqlDecimal, sqlString } from "./sqlText.js";

/** Rows per INSERT statement. */
const CHUNK = 500;
/** The largest token count the library accepts, 2^53 − 1. */
const MAX_TOKENS = "9007199254740991";

/**
 * The whole script: in one transaction, drop and re-create the pricebook tables and the view,
 * and create the usage table when it does not exist. Running it twice leaves the same state.
 *
 * @internal
 */
export function writeScript(
  dialect: SqlDialect,
  rows: PricebookRows,
  usageTable: string,
  commandLine: string,
): string {
  const text = dialect.text;
  const rate = dialect.rateType(rows);
  const several = rows.tableIds.length > 1;
  const out: string[] = [
    `-- llm-pricebook ${commandLine}`,
    `-- Tables: ${rows.versions.map((v) => JSON.stringify(`${v.tableId}@${v.version}`)).join(", ")}`,
    "-- Idempotent: every run drops and re-creates pricebook_versions, pricebook_names,",
    "-- pricebook_rates and priced_usage, and creates the usage table only if it is missing.",
    ...dialect.begin,
    "DROP VIEW IF EXISTS priced_usage;",
    "DROP TABLE IF EXISTS pricebook_rates;",
    "DROP TABLE IF EXISTS pricebook_names;",
    "DROP TABLE IF EXISTS pricebook_versions;",
    `CREATE TABLE IF NOT EXISTS ${usageTable} (`,
    ...(several ? [`  table_id ${text},`] : []),
    `  model ${text},`,
    "  used_at TIMESTAMP,",
    "  input BIGINT,",
    "  output BIGINT,",
    "  cached_input BIGINT,",
    "  cache_write BIGINT,",
    "  cache_write_1h BIGINT,",
    "  reasoning BIGINT,",
    `  service_tier ${text}`,
    ");",
    "CREATE TABLE pricebook_versions (",
    `  table_id ${text} NOT NULL,`,
    `  table_version ${text} NOT NULL,`,
    "  effective_from DATE NOT NULL,",
    "  effective_to DATE,",
    `  digest ${text} NOT NULL,`,
    "  PRIMARY KEY (table_id, table_version)",
    ");",
    "CREATE TABLE pricebook_names (",
    `  table_id ${text} NOT NULL,`,
    `  table_version ${text} NOT NULL,`,
    "  effective_from DATE NOT NULL,",
    "  effective_to DATE,",
    `  name ${text} NOT NULL,`,
    `  model ${text} NOT NULL,`,
    `  resolved_by ${text} NOT NULL,`,
    "  max_priced_input_tokens BIGINT,",
    "  PRIMARY KEY (table_id, table_version, name)",
    ");",
    "CREATE TABLE pricebook_rates (",
    `  table_id ${text} NOT NULL,`,
    `  table_version ${text} NOT NULL,`,
    "  effective_from DATE NOT NULL,",
    "  effective_to DATE,",
    `  model ${text} NOT NULL,`,
    `  rate_kind ${text} NOT NULL,`,
    "  above_input_tokens BIGINT NOT NULL,",
    "  up_to_input_tokens BIGINT,",
    `  service_tier ${text} NOT NULL,`,
    `  rate ${rate} NOT NULL,`,
    "  PRIMARY KEY (table_id, table_version, model, rate_kind, above_input_tokens, service_tier)",
    ");",
  ];
  const versionCells = (v: SqlVersion) =>
    `${sqlString(v.tableId)}, ${sqlString(v.version)}, ${sqlDate(v.effectiveFrom)}, ${v.effectiveTo === null ? "NULL" : sqlDate(v.effectiveTo)}`;
  insert(
    out,
    "pricebook_versions",
    rows.versions.map((v) => `${versionCells(v)}, ${sqlString(v.digest)}`),
  );
  insert(
    out,
    "pricebook_names",
    rows.names.map(
      (n) =>
        `${versionCells(n.version)}, ${sqlString(n.name)}, ${sqlString(n.model)}, ${sqlString(n.resolvedBy)}, ${n.maxPricedInputTokens ?? "NULL"}`,
    ),
  );
  insert(
    out,
    "pricebook_rates",
    rows.rates.map(
      (r) =>
        `${versionCells(r.version)}, ${sqlString(r.model)}, ${sqlString(r.kind)}, ${r.aboveInputTokens}, ${r.upToInputTokens ?? "NULL"}, ${sqlString(r.serviceTier)}, ${sqlDecimal(r.rate)}`,
    ),
  );
  out.push(view(dialect, rows, usageTable), "COMMIT;", "");
  return out.join("\n");
}

function insert(out: string[], table: string, values: readonly string[]): void {
  for (let i = 0; i < values.length; i += CHUNK) {
    out.push(
      `INSERT INTO ${table} VALUES\n${values
        .slice(i, i + CHUNK)
        .map((v) => `  (${v})`)
        .join(",\n")};`,
    );
  }
}

/** ASCII upper to lower case, and the Kelvin sign to k: what toLowerCase does to any name that can match an id (ids are [a-z0-9._-]). Collation-independent, unlike lower(). */
function nameKey(expression: string): string {
  return `translate(${expression}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' || chr(8490), 'abcdefghijklmnopqrstuvwxyzk')`;
}

function view(dialect: SqlDialect, rows: PricebookRows, usageTable: string): string {
  const several = rows.tableIds.length > 1;
  const at = dialect.instant("u.used_at");
  const tableKey = several ? nameKey("u.table_id") : sqlString(rows.tableIds[0] as string);
  // The version in force: newest first, the first whose effective day has begun.
  const versionArms = [...rows.versions]
    .reverse()
    .map(
      (v) =>
        `WHEN ${several ? `${tableKey} = ${sqlString(v.tableId)} AND ` : ""}${at} >= ${dialect.instantOfDay(v.effectiveFrom)} THEN ${sqlString(v.version)}`,
    );
  const version = `CASE ${versionArms.join(" ")} END`;
  const count = (column: string) => `CAST(coalesce(u.${column}, 0) AS BIGINT)`;
  const raw = (column: string) => `coalesce(u.${column}, 0)`;
  const I = count("input");
  const O = count("output");
  const C = count("cached_input");
  const W = count("cache_write");
  const W1 = count("cache_write_1h");
  const R = count("reasoning");
  const columns = ["input", "output", "cached_input", "cache_write", "cache_write_1h", "reasoning"];
  const invalidCount = columns
    .map(
      (column) =>
        `${raw(column)} < 0 OR ${raw(column)} > ${MAX_TOKENS} OR ${raw(column)} <> ${count(column)}`,
    )
    .join(" OR ");
  const serviceTier = "coalesce(u.service_tier, 'standard')";
  const reason = [
    "CASE",
    ...(several
      ? [
          `    WHEN u.table_id IS NULL OR ${tableKey} NOT IN (${rows.tableIds.map(sqlString).join(", ")}) THEN 'UNKNOWN_TABLE'`,
        ]
      : []),
    "    WHEN u.used_at IS NULL THEN 'INVALID_USAGE'",
    `    WHEN n.model IS NULL AND ${version} IS NULL THEN 'NO_TABLE_IN_EFFECT'`,
    "    WHEN n.model IS NULL THEN 'UNKNOWN_MODEL'",
    `    WHEN ${invalidCount} THEN 'INVALID_USAGE'`,
    `    WHEN ${C} + ${W} + ${W1} > ${I} OR ${R} > ${O} THEN 'INVALID_USAGE'`,
    `    WHEN ${I} > n.max_priced_input_tokens THEN 'UNPRICED_USAGE'`,
    `    WHEN ${serviceTier} NOT IN (${SQL_SERVICE_TIERS.map(sqlString).join(", ")}) THEN 'INVALID_USAGE'`,
    "    WHEN l.model IS NULL THEN 'UNPRICED_USAGE'",
    `    WHEN (${I} - ${C} - ${W} - ${W1} > 0 AND l.input IS NULL) OR (${C} > 0 AND l.cached_input IS NULL) OR (${W} > 0 AND l.cache_write IS NULL) OR (${W1} > 0 AND l.cache_write_1h IS NULL) OR (${O} > 0 AND l.output IS NULL) THEN 'UNPRICED_USAGE'`,
    "  END",
  ].join("\n");
  // Reasoning is part of output and priced at the output rate: output × output rate is the
  // sum of the non-reasoning and reasoning lines, exactly.
  const usd = `(${I} - ${C} - ${W} - ${W1}) * coalesce(l.input, 0) + ${C} * coalesce(l.cached_input, 0) + ${W} * coalesce(l.cache_write, 0) + ${W1} * coalesce(l.cache_write_1h, 0) + ${O} * coalesce(l.output, 0)`;
  return [
    "CREATE VIEW priced_usage AS",
    "WITH pricebook_levels AS (",
    "  SELECT table_id, table_version, model, service_tier, above_input_tokens, up_to_input_tokens,",
    "    max(rate) FILTER (WHERE rate_kind = 'input') AS input,",
    "    max(rate) FILTER (WHERE rate_kind = 'cached_input') AS cached_input,",
    "    max(rate) FILTER (WHERE rate_kind = 'cache_write') AS cache_write,",
    "    max(rate) FILTER (WHERE rate_kind = 'cache_write_1h') AS cache_write_1h,",
    "    max(rate) FILTER (WHERE rate_kind = 'output') AS output",
    "  FROM pricebook_rates",
    "  GROUP BY table_id, table_version, model, service_tier, above_input_tokens, up_to_input_tokens",
    ")",
    "SELECT",
    "  u.*,",
    `  CASE WHEN (${reason}) IS NULL THEN ${usd} END AS usd,`,
    ...(several ? [] : [`  ${sqlString(rows.tableIds[0] as string)} AS table_id,`]),
    `  ${version} AS table_version,`,
    `  ${reason} AS unpriced`,
    `FROM ${usageTable} AS u`,
    "LEFT JOIN pricebook_names AS n",
    `  ON n.table_id = ${tableKey} AND n.table_version = ${version} AND n.name = ${nameKey("u.model")}`,
    "LEFT JOIN pricebook_levels AS l",
    "  ON l.table_id = n.table_id AND l.table_version = n.table_version AND l.model = n.model",
    `  AND l.service_tier = ${serviceTier}`,
    `  AND l.above_input_tokens < greatest(${I}, 1)`,
    `  AND (l.up_to_input_tokens IS NULL OR ${I} <= l.up_to_input_tokens);`,
  ].join("\n");
}
