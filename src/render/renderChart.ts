import { assertTable } from "../catalog/assertTable.js";
import { resolveName } from "../catalog/resolveName.js";
import { isRecord } from "../catalog/validate.js";
import { pricebookError } from "../errors.js";
import { Dec, ZERO } from "../money/decimal.js";
import { formatDecimal } from "../money/formatDecimal.js";
import { quote } from "../pricing/quote.js";
import { toTokenCount } from "../pricing/tokens.js";
import type { PricingTable } from "../schema/types.js";
import { chartAxis, chartY } from "./chartScale.js";
import { svgText } from "./svgText.js";

/** The charts {@link renderChart} draws. */
export type ChartKind = "cost-per-query" | "cost-vs-tokens";

/** Options of {@link renderChart}. */
export interface RenderChartOptions {
  /** `cost-per-query`: a bar per variant with its ±band; `cost-vs-tokens`: a line per model. */
  readonly kind: ChartKind;
  /** cost-vs-tokens: the models to draw (ids, aliases or variants' models). Default: the models of the table's variants, else its first models; at most 12. */
  readonly models?: readonly string[];
  /** cost-vs-tokens: the right end of the token axis. Default 16,000; at least 10, at most 10,000,000. */
  readonly maxTokens?: number;
  /** cost-vs-tokens: how a query's tokens split into input and output. Default 4:1 (`{ input: 4, output: 1 }`). */
  readonly ratio?: { readonly input: number; readonly output: number };
  /** A prefix for the SVG's element ids, to keep two charts on one page apart. Default `llm-pricebook-chart`. */
  readonly idPrefix?: string;
}

const KINDS: readonly ChartKind[] = ["cost-per-query", "cost-vs-tokens"];
const COLOURS = [
  "#1a5fb4",
  "#c64600",
  "#26a269",
  "#9141ac",
  "#a51d2d",
  "#865e3c",
  "#0b7285",
  "#5e5c64",
] as const;
const DASHES = ["", "6 3", "2 3"] as const;
const STEPS = 10;
const WIDTH = 800;
const HEIGHT = 420;
const LEFT = 80;
const TOP = 50;

/**
 * Draws a table as a standalone, accessible SVG chart (a string): `role="img"`, a `<title>` and
 * a `<desc>` listing every figure, labelled axes, escaped text and no script. `cost-per-query`
 * draws a bar per variant at its quote with whiskers for the table's ±band; `cost-vs-tokens`
 * draws, for each chosen model, the cost of a query of 0 to `maxTokens` tokens (split input:
 * output by `ratio`) at its rates. Every number in a label is the library's exact decimal string;
 * only the drawing coordinates are floats.
 *
 * @throws PricebookError `INVALID_ARGUMENT` for an unknown kind, a table without variants for
 *   `cost-per-query`, bad `models`, `maxTokens` or `ratio`; `UNKNOWN_MODEL`
 *
 * @example
 * const svg = renderChart(table, { kind: "cost-per-query" });
 * svg.match(/<title[^>]*>([^<]*)</)?.[1];
 * //=> "Cost per query by variant, GPT-trainer BYOK (gpt-trainer-byok@2024-11-01)"
 */
export function renderChart(table: PricingTable, options: RenderChartOptions): string {
  assertTable(table);
  if (!isRecord(options)) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["options"],
      `expected { kind: ${KINDS.join(" | ")} }`,
    );
  }
  if (!KINDS.includes(options.kind)) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["kind"],
      `unknown chart kind ${JSON.stringify(options.kind)}; use one of ${KINDS.join(", ")}`,
    );
  }
  const prefix = options.idPrefix ?? "llm-pricebook-chart";
  if (typeof prefix !== "string" || !/^[A-Za-z][\w-]{0,63}$/.test(prefix)) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["idPrefix"],
      "expected an id prefix: a letter, then up to 63 letters, digits, - or _",
    );
  }
  return options.kind === "cost-per-query"
    ? costPerQuery(table, prefix)
    : costVsTokens(table, options, prefix);
}

interface Plot {
  readonly title: string;
  readonly desc: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly body: string[];
  readonly extraBottom: number;
}

function frame(plot: Plot, yMax: Dec, ticks: readonly Dec[], prefix: string): string {
  const height = HEIGHT + plot.extraBottom;
  const plotHeight = HEIGHT - TOP - 60;
  const right = WIDTH - 20;
  const bottom = TOP + plotHeight;
  // Pixel coordinates below are floats: positions on the drawing, never amounts of money.
  const y = (value: Dec) => chartY(value, yMax, bottom, plotHeight);
  const lines = ticks.map((tick) => {
    const at = y(tick).toFixed(1);
    return `  <line x1="${LEFT}" y1="${at}" x2="${right}" y2="${at}" stroke="#ddd"/>\n  <text x="${LEFT - 6}" y="${at}" text-anchor="end" dominant-baseline="middle">${svgText(formatDecimal(tick))}</text>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-labelledby="${prefix}-title ${prefix}-desc" font-family="system-ui, sans-serif" font-size="12">`,
    `  <title id="${prefix}-title">${svgText(plot.title)}</title>`,
    `  <desc id="${prefix}-desc">${svgText(plot.desc)}</desc>`,
    `  <rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    `  <text x="${LEFT}" y="24" font-size="15" font-weight="600">${svgText(plot.title)}</text>`,
    ...lines,
    `  <line x1="${LEFT}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="#333"/>`,
    `  <line x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${bottom}" stroke="#333"/>`,
    `  <text x="18" y="${(TOP + bottom) / 2}" text-anchor="middle" transform="rotate(-90 18 ${(TOP + bottom) / 2})">${svgText(plot.yLabel)}</text>`,
    `  <text x="${(LEFT + right) / 2}" y="${height - 8}" text-anchor="middle">${svgText(plot.xLabel)}</text>`,
    ...plot.body.map((line) => `  ${line}`),
    "</svg>",
    "",
  ].join("\n");
}

const tableName = (table: PricingTable) => `${table.label} (${table.id}@${table.version})`;

function costPerQuery(table: PricingTable, prefix: string): string {
  const variants = Object.values(table.variants);
  if (variants.length === 0) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["kind"],
      `${table.id}@${table.version} has no variants to draw a cost per query for; use kind "cost-vs-tokens"`,
    );
  }
  const quotes = variants.map((variant) => quote(table, variant.id));
  const highest = quotes.reduce((max, q) => Dec.max(max, new Dec(q.band?.high ?? q.usd)), ZERO);
  const { ticks, max } = chartAxis(highest);
  const plotHeight = HEIGHT - TOP - 60;
  const bottom = TOP + plotHeight;
  const slot = (WIDTH - 20 - LEFT) / quotes.length;
  // Pixels: exact fractions of the axis, made numbers at the end (chartY).
  const y = (value: string) => chartY(value, max, bottom, plotHeight);
  const body: string[] = [];
  quotes.forEach((q, index) => {
    const x = LEFT + slot * index + slot * 0.15;
    const width = slot * 0.7;
    const centre = (x + width / 2).toFixed(1);
    const top = y(q.usd).toFixed(1);
    const band = q.band === null ? "" : ` (band ${q.band.low} to ${q.band.high})`;
    body.push(
      `<g><title>${svgText(`${q.label}: ${q.usd} USD${band}`)}</title>`,
      `  <rect x="${x.toFixed(1)}" y="${top}" width="${width.toFixed(1)}" height="${(bottom - Number(top)).toFixed(1)}" fill="${COLOURS[0]}"/>`,
    );
    if (q.band !== null) {
      const low = y(q.band.low).toFixed(1);
      const high = y(q.band.high).toFixed(1);
      const half = Math.min(width / 3, 6);
      body.push(
        `  <path d="M${centre} ${low}V${high}M${(Number(centre) - half).toFixed(1)} ${low}h${(2 * half).toFixed(1)}M${(Number(centre) - half).toFixed(1)} ${high}h${(2 * half).toFixed(1)}" stroke="#333" fill="none"/>`,
      );
    }
    body.push(
      `  <text x="${centre}" y="${(Number(y(q.band?.high ?? q.usd)) - 4).toFixed(1)}" text-anchor="start" transform="rotate(-60 ${centre} ${(Number(y(q.band?.high ?? q.usd)) - 4).toFixed(1)})" font-size="10">${svgText(q.usd)}</text>`,
      `  <text x="${centre}" y="${bottom + 10}" text-anchor="end" transform="rotate(-45 ${centre} ${bottom + 10})" font-size="10">${svgText(q.label)}</text>`,
      "</g>",
    );
  });
  const bandText =
    table.band === null
      ? ""
      : `, with the table's ±${formatDecimal(new Dec(table.band).times(100))}% band`;
  return frame(
    {
      title: `Cost per query by variant, ${tableName(table)}`,
      desc: `USD per query at each variant's reserved window${bandText}: ${quotes
        .map(
          (q) =>
            `${q.label} ${q.usd}${q.band === null ? "" : ` (${q.band.low} to ${q.band.high})`}`,
        )
        .join("; ")}.`,
      xLabel: "Variant",
      yLabel: "USD per query",
      body,
      extraBottom: 70,
    },
    max,
    ticks,
    prefix,
  );
}

function costVsTokens(table: PricingTable, options: RenderChartOptions, prefix: string): string {
  const maxTokens =
    options.maxTokens === undefined
      ? 16_000
      : toTokenCount(options.maxTokens, ["maxTokens"], "INVALID_ARGUMENT");
  if (maxTokens < 10 || maxTokens > 10_000_000) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["maxTokens"],
      `maxTokens is from 10 to 10,000,000 tokens, got ${maxTokens}`,
    );
  }
  const ratio = options.ratio ?? { input: 4, output: 1 };
  if (!isRecord(ratio)) {
    throw pricebookError("INVALID_ARGUMENT", ["ratio"], "expected { input, output } whole numbers");
  }
  const ratioIn = toTokenCount(ratio.input, ["ratio", "input"], "INVALID_ARGUMENT");
  const ratioOut = toTokenCount(ratio.output, ["ratio", "output"], "INVALID_ARGUMENT");
  if (ratioIn + ratioOut === 0 || ratioIn + ratioOut > 1_000_000) {
    throw pricebookError(
      "INVALID_ARGUMENT",
      ["ratio"],
      "a ratio of input to output tokens needs a part above 0, and parts summing to at most 1,000,000",
    );
  }
  const names = options.models ?? defaultModels(table);
  if (!Array.isArray(names) || names.length === 0 || names.length > 12) {
    throw pricebookError("INVALID_ARGUMENT", ["models"], "expected a list of 1 to 12 model names");
  }
  const models = names.map((name, index) => {
    if (typeof name !== "string") {
      throw pricebookError("INVALID_ARGUMENT", ["models", index], "expected a model name");
    }
    return resolveName(table, name).model;
  });
  // Points at whole token counts: input = ⌊tokens × in ÷ (in + out)⌋, output the rest.
  const points = Array.from({ length: STEPS + 1 }, (_, k) => {
    const tokens = Math.floor((maxTokens * k) / STEPS);
    const input = Math.floor((tokens * ratioIn) / (ratioIn + ratioOut));
    return { tokens, input, output: tokens - input };
  });
  const series = models.map((model) => ({
    model,
    costs: points.map(
      (point) =>
        quote(table, model.id, { window: { input: point.input, output: point.output } }).usd,
    ),
  }));
  const highest = series.reduce(
    (max, line) => line.costs.reduce((m, usd) => Dec.max(m, new Dec(usd)), max),
    ZERO,
  );
  const { ticks, max } = chartAxis(highest);
  const plotHeight = HEIGHT - TOP - 60;
  const bottom = TOP + plotHeight;
  const right = WIDTH - 20;
  // Pixels: exact fractions of the axis, made numbers at the end (chartY).
  const x = (tokens: number) => LEFT + (tokens / maxTokens) * (right - LEFT);
  const y = (usd: string) => chartY(usd, max, bottom, plotHeight);
  const body: string[] = [];
  for (const point of points.filter((_, k) => k % 2 === 0)) {
    const at = x(point.tokens).toFixed(1);
    body.push(
      `<line x1="${at}" y1="${bottom}" x2="${at}" y2="${bottom + 5}" stroke="#333"/>`,
      `<text x="${at}" y="${bottom + 18}" text-anchor="middle">${point.tokens}</text>`,
    );
  }
  const legendTop = HEIGHT - 10;
  series.forEach((line, index) => {
    const colour = COLOURS[index % COLOURS.length] as string;
    const dash = DASHES[Math.floor(index / COLOURS.length) % DASHES.length] as string;
    const dashAttr = dash === "" ? "" : ` stroke-dasharray="${dash}"`;
    const d = points
      .map(
        (point, k) =>
          `${k === 0 ? "M" : "L"}${x(point.tokens).toFixed(1)} ${y(line.costs[k] as string).toFixed(1)}`,
      )
      .join("");
    const last = line.costs[points.length - 1] as string;
    const lx = LEFT + (index % 3) * 240;
    const ly = legendTop + Math.floor(index / 3) * 18;
    body.push(
      `<g><title>${svgText(`${line.model.id}: ${last} USD at ${maxTokens} tokens`)}</title>`,
      `  <path d="${d}" stroke="${colour}" stroke-width="2" fill="none"${dashAttr}/>`,
      `  <line x1="${lx}" y1="${ly}" x2="${lx + 24}" y2="${ly}" stroke="${colour}" stroke-width="2"${dashAttr}/>`,
      `  <text x="${lx + 30}" y="${ly}" dominant-baseline="middle">${svgText(`${line.model.id}: ${last} USD`)}</text>`,
      "</g>",
    );
  });
  return frame(
    {
      title: `Cost of a query by tokens, ${tableName(table)}`,
      desc: `USD for a query of 0 to ${maxTokens} tokens, ${ratioIn}:${ratioOut} input to output, at each model's rates: ${series
        .map(
          (line) =>
            `${line.model.id} ${points.map((p, k) => `${p.tokens} tokens ${line.costs[k]}`).join(", ")}`,
        )
        .join("; ")}.`,
      xLabel: `Tokens per query (input:output ${ratioIn}:${ratioOut})`,
      yLabel: "USD per query",
      body,
      extraBottom: Math.ceil(series.length / 3) * 18 + 10,
    },
    max,
    ticks,
    prefix,
  );
}

function defaultModels(table: PricingTable): string[] {
  const fromVariants = [...new Set(Object.values(table.variants).map((variant) => variant.model))];
  return (fromVariants.length > 0 ? fromVariants : Object.keys(table.models)).slice(0, 12);
}
