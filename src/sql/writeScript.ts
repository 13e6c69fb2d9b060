import type { PricebookRows, SqlVersion } from "./pricebookRows.js";
import { SQL_SERVICE_TIERS } from "./rateKinds.js";
import type { SqlDialect } from "./sqlDialect.js";
import { MAX_SQL_INTEGER, sqlDate, sqlDay, sqlDecimal, sqlInteger, sqlText } from "./sqlLiteral.js";

/** Rows per INSERT statement. */
const CHUNK = 500;
/** The largest token count the library accepts, 2^53 − 1. */
const MAX_TOKENS = String(MAX_SQL_INTEGER);

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
    `-- Tables: ${commentText(rows.versions.map((v) => JSON.stringify(`${v.tableId}@${v.version}`)).join(", "))}`,
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
    `${sqlText(v.tableId, at(v, "id"))}, ${sqlText(v.version, at(v, "version"))}, ${sqlDate(v.effectiveFrom, at(v, "effectiveFrom"))}, ${v.effectiveTo === null ? "NULL" : sqlDate(v.effectiveTo, at(v, "effectiveFrom"))}`;
  insert(
    out,
    "pricebook_versions",
    rows.versions.map((v) => `${versionCells(v)}, ${sqlText(v.digest, at(v, "digest"))}`),
  );
  insert(
    out,
    "pricebook_names",
    rows.names.map(
      (n) =>
        `${versionCells(n.version)}, ${sqlText(n.name, [...n.modelPath, "aliases"])}, ${sqlText(n.model, [...n.modelPath, "id"])}, ${sqlText(n.resolvedBy, n.modelPath)}, ${n.maxPricedInputTokens === null ? "NULL" : sqlInteger(n.maxPricedInputTokens, [...n.modelPath, "maxPricedInputTokens"])}`,
    ),
  );
  insert(
    out,
    "pricebook_rates",
    rows.rates.map(
      (r) =>
        `${versionCells(r.version)}, ${sqlText(r.model, at(r.version, "models"))}, ${sqlText(r.kind, r.paths.rate)}, ${sqlInteger(r.aboveInputTokens, r.paths.above)}, ${r.upToInputTokens === null ? "NULL" : sqlInteger(r.upToInputTokens, r.paths.upTo)}, ${sqlText(r.serviceTier, r.paths.rate)}, ${sqlDecimal(r.rate, r.paths.rate)}`,
    ),
  );
  out.push(view(dialect, rows, usageTable), "COMMIT;", "");
  return out.join("\n");
}

/** Where a version's field is, for errors. */
const at = (v: SqlVersion, field: string) => [...v.path, field];

/** Text for a SQL line comment: printable ASCII only, the rest as `\uXXXX`. */
const commentText = (text: string) =>
  text.replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${(c.codePointAt(0) as number).toString(16).padStart(4, "0")}`,
  );

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

function view(dialect: SqlDialect, rows: PricebookRows, usageTable: string): string {
  const several = rows.tableIds.length > 1;
  const only = sqlText(rows.tableIds[0], ["tables", 0, "id"]);
  // The version in force: newest first, the first whose effective day (UTC) has begun.
  const versionArms = [...rows.versions]
    .reverse()
    .map(
      (v) =>
        `WHEN ${several ? `k.pb_table_key = ${sqlText(v.tableId, at(v, "id"))} AND ` : ""}k.pb_at >= ${dialect.instantOfDay(sqlDay(v.effectiveFrom, at(v, "effectiveFrom")))} THEN ${sqlText(v.version, at(v, "version"))}`,
    );
  const raw = (column: string) => `coalesce(u.${column}, 0)`;
  const counts = ["input", "output", "cached_input", "cache_write", "cache_write_1h", "reasoning"];
  // A count the library refuses: negative, above 2^53 − 1, or not a whole number.
  const badCount = counts
    .map(
      (c) => `${raw(c)} < 0 OR ${raw(c)} > ${MAX_TOKENS} OR ${raw(c)} <> CAST(${raw(c)} AS BIGINT)`,
    )
    .join("\n      OR ");
  const kinds = ["input", "cached_input", "cache_write", "cache_write_1h", "output"];
  // Columns the view computes on its way, dropped from its result.
  const helpers = [
    ...(several ? ["pb_table_key"] : []),
    "pb_at",
    "pb_name",
    "pb_service_tier",
    ...counts.map((c) => `pb_${c}`),
    "pb_bad_count",
    "pb_version",
    "pb_model",
    "pb_max_priced",
    "pb_level",
    ...kinds.map((kind) => `pb_rate_${kind}`),
    "pb_unpriced",
  ];
  const uncached = "r.pb_input - r.pb_cached_input - r.pb_cache_write - r.pb_cache_write_1h";
  return [
    "CREATE VIEW priced_usage AS",
    "WITH pricebook_levels AS (",
    "  -- One row per version × model × service tier × long-context level, a column per rate kind.",
    `  SELECT table_id, table_version, model, service_tier, above_input_tokens, coalesce(up_to_input_tokens, ${MAX_TOKENS}) AS up_to_input_tokens,`,
    ...kinds.map((kind, i) => {
      const rate = `max(rate) FILTER (WHERE rate_kind = ${sqlText(kind, ["rateKind"])})`;
      const working = dialect.workingRateType(rows);
      return `    ${working === null ? rate : `CAST(${rate} AS ${working})`} AS ${kind}${i < kinds.length - 1 ? "," : ""}`;
    }),
    "  FROM pricebook_rates AS rates",
    "  GROUP BY table_id, table_version, model, service_tier, above_input_tokens, rates.up_to_input_tokens",
    "),",
    "pricebook_keyed AS (",
    "  -- Each usage row with its lookup keys and its counts (NULL = 0), computed once.",
    `  SELECT ${dialect.carryUsage("u")},`,
    ...(several ? [`    ${dialect.nameKey("u.table_id")} AS pb_table_key,`] : []),
    `    ${dialect.instant("u.used_at")} AS pb_at,`,
    `    ${dialect.nameKey("u.model")} AS pb_name,`,
    "    coalesce(u.service_tier, 'standard') AS pb_service_tier,",
    ...counts.map((c) => `    CAST(${raw(c)} AS BIGINT) AS pb_${c},`),
    `    ${badCount} AS pb_bad_count`,
    `  FROM ${usageTable} AS u`,
    "),",
    "pricebook_joined AS (",
    "  -- The version in force, the model the name resolves to, and the rates of its level.",
    "  SELECT k.*, n.model AS pb_model, n.max_priced_input_tokens AS pb_max_priced, l.model AS pb_level,",
    `    ${kinds.map((kind) => `l.${kind} AS pb_rate_${kind}`).join(", ")}`,
    `  FROM (SELECT k.*, CASE ${versionArms.join(" ")} END AS pb_version FROM pricebook_keyed AS k) AS k`,
    "  LEFT JOIN pricebook_names AS n",
    `    ON n.table_id = ${several ? "k.pb_table_key" : only} AND n.table_version = k.pb_version AND n.name = k.pb_name`,
    "  LEFT JOIN pricebook_levels AS l",
    "    ON l.table_id = n.table_id AND l.table_version = n.table_version AND l.model = n.model",
    "    AND l.service_tier = k.pb_service_tier",
    "    AND l.above_input_tokens < greatest(k.pb_input, 1) AND k.pb_input <= l.up_to_input_tokens",
    "),",
    "pricebook_reasoned AS (",
    "  -- Why a row is unpriced, checked in the order charge() checks (NULL: priced).",
    "  SELECT r.*, CASE",
    ...(several
      ? [
          `    WHEN r.pb_table_key IS NULL OR r.pb_table_key NOT IN (${rows.tableIds.map((id, i) => sqlText(id, ["tables", i, "id"])).join(", ")}) THEN 'UNKNOWN_TABLE'`,
        ]
      : []),
    "    WHEN r.pb_at IS NULL THEN 'INVALID_USAGE'",
    "    WHEN r.pb_version IS NULL THEN 'NO_TABLE_IN_EFFECT'",
    "    WHEN r.pb_model IS NULL THEN 'UNKNOWN_MODEL'",
    "    WHEN r.pb_bad_count THEN 'INVALID_USAGE'",
    "    WHEN r.pb_cached_input + r.pb_cache_write + r.pb_cache_write_1h > r.pb_input OR r.pb_reasoning > r.pb_output THEN 'INVALID_USAGE'",
    "    WHEN r.pb_input > r.pb_max_priced THEN 'UNPRICED_USAGE'",
    `    WHEN r.pb_service_tier NOT IN (${SQL_SERVICE_TIERS.map((tier) => sqlText(tier, ["serviceTier"])).join(", ")}) THEN 'INVALID_USAGE'`,
    "    WHEN r.pb_level IS NULL THEN 'UNPRICED_USAGE'",
    `    WHEN (${uncached} > 0 AND r.pb_rate_input IS NULL) OR (r.pb_cached_input > 0 AND r.pb_rate_cached_input IS NULL)`,
    "      OR (r.pb_cache_write > 0 AND r.pb_rate_cache_write IS NULL) OR (r.pb_cache_write_1h > 0 AND r.pb_rate_cache_write_1h IS NULL)",
    "      OR (r.pb_output > 0 AND r.pb_rate_output IS NULL) THEN 'UNPRICED_USAGE'",
    "  END AS pb_unpriced",
    "  FROM pricebook_joined AS r",
    ")",
    "SELECT",
    `  ${dialect.usageColumns("r", helpers)},`,
    // Reasoning is part of output and priced at the output rate: output × output rate is the
    // sum of the non-reasoning and reasoning lines, exactly.
    `  CASE WHEN r.pb_unpriced IS NULL THEN (${uncached}) * coalesce(r.pb_rate_input, 0) + r.pb_cached_input * coalesce(r.pb_rate_cached_input, 0) + r.pb_cache_write * coalesce(r.pb_rate_cache_write, 0) + r.pb_cache_write_1h * coalesce(r.pb_rate_cache_write_1h, 0) + r.pb_output * coalesce(r.pb_rate_output, 0) END AS usd,`,
    ...(several ? [] : [`  ${only} AS table_id,`]),
    "  r.pb_version AS table_version,",
    "  r.pb_unpriced AS unpriced",
    "FROM pricebook_reasoned AS r;",
  ].join("\n");
}
