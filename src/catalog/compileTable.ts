import { Dec } from "../money/decimal.js";
import { divide } from "../money/exact.js";
import { formatDecimal } from "../money/formatDecimal.js";
import { formatScaled } from "../money/scaled.js";
import { TOKEN_RATE_KINDS as RATE_KINDS } from "../schema/rateKinds.js";
import type {
  CreditRoundingInput,
  Credits,
  Model,
  PricingTable,
  PricingTableInput,
  Rates,
  ServiceTier,
  ServiceTierName,
  Tier,
  Variant,
  Workflow,
} from "../schema/types.js";
import { canonicalJson } from "./canonicalJson.js";
import { deepFreeze } from "./deepFreeze.js";
import { sha256Hex } from "./sha256.js";
import {
  addIssue,
  checkCount,
  checkDate,
  checkDecimal,
  checkId,
  checkModelId,
  checkText,
  type IssueList,
  idKeys,
  isRecord,
  tableError,
} from "./validate.js";

type Path = (string | number)[];

const SERVICE_TIERS: readonly ServiceTierName[] = ["batch", "flex", "priority"];
const COUNTS = ["agents", "userFacingAgents", "variables"] as const;
const RUNS = ["per-query", "per-agent-change"] as const;

/**
 * Turns a table in its input form into the compiled form every pricing function reads:
 * rates per million become per-token decimal strings, service-tier multipliers become rates,
 * references are checked, the whole is deep-frozen and given its provenance digest. Needs no
 * schema library, so a bundle that compiles its own table stays small; use
 * {@link parseTable} for untrusted JSON, which checks the structure first and reports every
 * problem with its path.
 *
 * @throws PricebookError `INVALID_TABLE`, listing every problem in `issues`
 *
 * @example
 * const mine = compileTable({
 *   id: "mine", version: "1", effectiveFrom: "2025-01-01", source: "our price sheet",
 *   checkedOn: "2025-01-01", currency: "USD",
 *   models: { "gpt-4o": { provider: "openai", input: { perMillion: "2.50" }, output: "0.00001" } },
 * });
 * mine.models["gpt-4o"].input;
 * //=> "0.0000025"
 */
export function compileTable(input: PricingTableInput): PricingTable {
  const issues: IssueList = [];
  if (!isRecord(input)) {
    addIssue(issues, [], "expected a pricing table object");
    throw tableError(issues);
  }
  checkId(issues, ["id"], input.id);
  if (typeof input.version !== "string" || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(input.version)) {
    addIssue(issues, ["version"], "expected a version label of letters, digits, '.', '_' and '-'");
  }
  checkDate(issues, ["effectiveFrom"], input.effectiveFrom);
  checkDate(issues, ["checkedOn"], input.checkedOn);
  checkText(issues, ["source"], input.source);
  if (input.label !== undefined) checkText(issues, ["label"], input.label);
  if (input.currency !== "USD") addIssue(issues, ["currency"], 'expected "USD"');
  const band =
    input.band === undefined ? null : (compileDecimal(issues, ["band"], input.band) ?? null);
  if (band !== null && new Dec(band).gte(1)) {
    addIssue(issues, ["band"], 'expected a fraction below 1, like "0.2" for ±20%');
  }

  const models: Record<string, Model> = {};
  for (const id of idKeys(issues, ["models"], input.models, checkModelId)) {
    const model = compileModel(issues, ["models", id], id, input.models[id]);
    if (model !== undefined) models[id] = model;
  }
  const variants: Record<string, Variant> = {};
  if (input.variants !== undefined) {
    for (const id of idKeys(issues, ["variants"], input.variants)) {
      const variant = compileVariant(issues, ["variants", id], id, input.variants[id], models);
      if (variant !== undefined) variants[id] = variant;
    }
  }
  const workflows: Record<string, Workflow> = {};
  if (input.workflows !== undefined) {
    for (const id of idKeys(issues, ["workflows"], input.workflows)) {
      const workflow = compileWorkflow(issues, ["workflows", id], id, input.workflows[id], models);
      if (workflow !== undefined) workflows[id] = workflow;
    }
  }
  const credits =
    input.credits === undefined ? null : compileCredits(issues, input.credits, models);
  checkNameClashes(issues, models, variants);
  if (issues.length > 0) throw tableError(issues);

  const body = {
    id: input.id,
    version: input.version,
    effectiveFrom: input.effectiveFrom,
    label: input.label ?? input.id,
    source: input.source,
    checkedOn: input.checkedOn,
    currency: input.currency,
    credits,
    band,
    models,
    variants,
    workflows,
  };
  deepFreeze(body);
  // The digest is computed on first read, once: hashing every table of a pricebook was most of
  // its compilation, paid at every CLI start-up for tables a command never reads. The body is
  // frozen, so the digest is the one it would have been at compile time.
  let digest: string | undefined;
  const provenance = Object.freeze(
    Object.defineProperty({ id: body.id, version: body.version }, "digest", {
      enumerable: true,
      get: () => {
        digest ??= `sha256:${sha256Hex(canonicalJson(body))}`;
        return digest;
      },
    }) as { id: string; version: string; digest: string },
  );
  return Object.freeze({ ...body, provenance }) as PricingTable;
}

/** A plain non-negative decimal, normalised; undefined when invalid. */
function compileDecimal(issues: IssueList, path: Path, value: unknown): string | undefined {
  return checkDecimal(issues, path, value) ? formatDecimal(new Dec(value as string)) : undefined;
}

/** A per-call fee in either form, as USD per call; undefined when invalid. */
function compileCallRate(issues: IssueList, path: Path, value: unknown): string | undefined {
  if (isRecord(value)) {
    const keys = Object.keys(value);
    if (keys.length !== 1 || keys[0] !== "perThousand") {
      addIssue(
        issues,
        path,
        'expected a decimal string (USD per call) or { "perThousand": "<decimal>" }',
      );
      return undefined;
    }
    if (!checkDecimal(issues, [...path, "perThousand"], value.perThousand)) return undefined;
    return formatDecimal(divide(value.perThousand as string, 1000));
  }
  return compileDecimal(issues, path, value);
}

/** A rate in either form, as a per-token decimal string; undefined when invalid. */
function compileRate(issues: IssueList, path: Path, value: unknown): string | undefined {
  if (isRecord(value)) {
    const keys = Object.keys(value);
    if (keys.length !== 1 || keys[0] !== "perMillion") {
      addIssue(issues, path, 'expected a decimal string or { "perMillion": "<decimal>" }');
      return undefined;
    }
    if (!checkDecimal(issues, [...path, "perMillion"], value.perMillion)) return undefined;
    const perMillion = value.perMillion as string;
    // The usual form (no leading or trailing zeros, at most 15 characters): the same figure by moving
    // the point six places, as a scaled integer (compiling every built-in table at start-up
    // is ~1,000 of these).
    const canonical = CANONICAL.exec(perMillion);
    if (canonical !== null && perMillion.length <= 15) {
      const fraction = canonical[2] ?? "";
      return formatScaled(Number(`${canonical[1]}${fraction}`), fraction.length + 6);
    }
    return formatDecimal(divide(perMillion, 1_000_000));
  }
  if (!checkDecimal(issues, path, value)) return undefined;
  // Already in plain canonical form: the figure itself.
  if (CANONICAL.test(value as string)) return value as string;
  return formatDecimal(new Dec(value as string));
}

/** A decimal in plain canonical form: no leading zeros, no trailing zeros after the point. */
const CANONICAL = /^(0|[1-9][0-9]*)(?:\.([0-9]*[1-9]))?$/;

function compileRates(issues: IssueList, path: Path, value: Record<string, unknown>): Rates {
  const rates: Record<string, string> = {};
  for (const kind of RATE_KINDS) {
    const raw = value[kind];
    if (raw === undefined) {
      if (kind === "input" || kind === "output")
        addIssue(issues, [...path, kind], "a rate is required");
      continue;
    }
    const rate = compileRate(issues, [...path, kind], raw);
    if (rate !== undefined) rates[kind] = rate;
  }
  return rates as unknown as Rates;
}

function compileModel(
  issues: IssueList,
  path: Path,
  id: string,
  value: unknown,
): Model | undefined {
  if (!isRecord(value)) {
    addIssue(issues, path, "expected a model object");
    return undefined;
  }
  checkId(issues, [...path, "provider"], value.provider);
  const rates = compileRates(issues, path, value);
  const webSearch =
    value.webSearch === undefined
      ? undefined
      : compileCallRate(issues, [...path, "webSearch"], value.webSearch);
  const tiers: Tier[] = [];
  if (value.tiers !== undefined) {
    if (!Array.isArray(value.tiers))
      addIssue(issues, [...path, "tiers"], "expected an array of tiers");
    else {
      value.tiers.forEach((tier: unknown, index) => {
        const tierPath = [...path, "tiers", index];
        if (!isRecord(tier)) {
          addIssue(issues, tierPath, "expected a tier object");
          return;
        }
        if (!checkCount(issues, [...tierPath, "aboveInputTokens"], tier.aboveInputTokens, 1))
          return;
        const previous = tiers.at(-1);
        if (
          previous !== undefined &&
          (tier.aboveInputTokens as number) <= previous.aboveInputTokens
        ) {
          addIssue(
            issues,
            [...tierPath, "aboveInputTokens"],
            "tiers must be in increasing order of threshold",
          );
        }
        tiers.push({
          aboveInputTokens: tier.aboveInputTokens as number,
          ...compileRates(issues, tierPath, tier),
        });
      });
    }
  }
  const serviceTiers: Partial<Record<ServiceTierName, ServiceTier>> = {};
  if (value.serviceTiers !== undefined) {
    if (!isRecord(value.serviceTiers))
      addIssue(issues, [...path, "serviceTiers"], "expected an object");
    else {
      for (const name of Object.keys(value.serviceTiers)) {
        const tierPath = [...path, "serviceTiers", name];
        const tier = value.serviceTiers[name];
        if (!SERVICE_TIERS.includes(name as ServiceTierName)) {
          addIssue(
            issues,
            tierPath,
            `unknown service tier; use one of ${SERVICE_TIERS.join(", ")}`,
          );
        } else if (isRecord(tier) && "multiplier" in tier) {
          if (checkDecimal(issues, [...tierPath, "multiplier"], tier.multiplier)) {
            serviceTiers[name as ServiceTierName] = {
              multiplier: formatDecimal(new Dec(tier.multiplier as string)),
            };
          }
        } else if (isRecord(tier)) {
          serviceTiers[name as ServiceTierName] = compileRates(issues, tierPath, tier);
        } else {
          addIssue(issues, tierPath, 'expected { "multiplier": "<decimal>" } or rates');
        }
      }
    }
  }
  const aliases: string[] = [];
  if (value.aliases !== undefined) {
    if (!Array.isArray(value.aliases))
      addIssue(issues, [...path, "aliases"], "expected an array of ids");
    else
      value.aliases.forEach((alias: unknown, index) => {
        if (checkModelId(issues, [...path, "aliases", index], alias)) aliases.push(alias);
      });
  }
  if (value.maxPricedInputTokens !== undefined) {
    checkCount(issues, [...path, "maxPricedInputTokens"], value.maxPricedInputTokens, 1);
  }
  if (value.contextWindow !== undefined)
    checkCount(issues, [...path, "contextWindow"], value.contextWindow, 1);
  if (value.source !== undefined) checkText(issues, [...path, "source"], value.source);
  if (value.checkedOn !== undefined) checkDate(issues, [...path, "checkedOn"], value.checkedOn);
  if (value.label !== undefined) checkText(issues, [...path, "label"], value.label);
  return {
    id,
    provider: value.provider as string,
    label: (value.label as string | undefined) ?? id,
    ...rates,
    // Left out when absent, so a table that prices no web search keeps its digest.
    ...(webSearch === undefined ? {} : { webSearch }),
    tiers,
    serviceTiers,
    aliases,
    ...(value.contextWindow === undefined ? {} : { contextWindow: value.contextWindow as number }),
    ...(value.maxPricedInputTokens === undefined
      ? {}
      : { maxPricedInputTokens: value.maxPricedInputTokens as number }),
    ...(value.source === undefined ? {} : { source: value.source as string }),
    ...(value.checkedOn === undefined ? {} : { checkedOn: value.checkedOn as string }),
  };
}

function checkModelRef(
  issues: IssueList,
  path: Path,
  value: unknown,
  models: Record<string, Model>,
): void {
  if (typeof value !== "string" || !Object.hasOwn(models, value)) {
    addIssue(issues, path, `no model ${JSON.stringify(value)} in this table's models`);
  }
}

function compilePrinted(issues: IssueList, path: Path, value: unknown) {
  if (value === undefined) return {};
  if (!isRecord(value)) {
    addIssue(issues, path, "expected an object of printed figures");
    return {};
  }
  const printed: Record<string, string> = {};
  for (const key of Object.keys(value)) {
    if (key !== "input" && key !== "output" && key !== "usd") {
      addIssue(issues, [...path, key], 'unknown printed figure; use "input", "output" or "usd"');
    } else if (checkDecimal(issues, [...path, key], value[key])) {
      printed[key] = value[key] as string;
    }
  }
  return { printed };
}

function compileVariant(
  issues: IssueList,
  path: Path,
  id: string,
  value: unknown,
  models: Record<string, Model>,
): Variant | undefined {
  if (!isRecord(value)) {
    addIssue(issues, path, "expected a variant object");
    return undefined;
  }
  checkText(issues, [...path, "label"], value.label);
  checkModelRef(issues, [...path, "model"], value.model, models);
  const reserved = isRecord(value.reserved) ? value.reserved : {};
  if (!isRecord(value.reserved))
    addIssue(issues, [...path, "reserved"], "expected { input, output } token counts");
  else {
    checkCount(issues, [...path, "reserved", "input"], reserved.input, 1);
    checkCount(issues, [...path, "reserved", "output"], reserved.output, 1);
  }
  const credits =
    value.credits === undefined
      ? null
      : (compileDecimal(issues, [...path, "credits"], value.credits) ?? null);
  return {
    id,
    label: value.label as string,
    model: value.model as string,
    reserved: { input: reserved.input as number, output: reserved.output as number },
    credits,
    ...compilePrinted(issues, [...path, "printed"], value.printed),
  };
}

function compileWorkflow(
  issues: IssueList,
  path: Path,
  id: string,
  value: unknown,
  models: Record<string, Model>,
): Workflow | undefined {
  if (!isRecord(value)) {
    addIssue(issues, path, "expected a workflow object");
    return undefined;
  }
  checkText(issues, [...path, "label"], value.label);
  checkModelRef(issues, [...path, "model"], value.model, models);
  const average = isRecord(value.average) ? value.average : {};
  if (!isRecord(value.average))
    addIssue(issues, [...path, "average"], "expected { input, output } token counts");
  else {
    checkCount(issues, [...path, "average", "input"], average.input, 0);
    checkCount(issues, [...path, "average", "output"], average.output, 0);
  }
  if (!RUNS.includes(value.runs as (typeof RUNS)[number])) {
    addIssue(issues, [...path, "runs"], `expected one of ${RUNS.join(", ")}`);
  }
  const when = isRecord(value.appliesWhen) ? value.appliesWhen : {};
  if (!COUNTS.includes(when.count as (typeof COUNTS)[number])) {
    addIssue(issues, [...path, "appliesWhen", "count"], `expected one of ${COUNTS.join(", ")}`);
  }
  checkCount(issues, [...path, "appliesWhen", "atLeast"], when.atLeast, 0);
  return {
    id,
    label: value.label as string,
    model: value.model as string,
    average: { input: average.input as number, output: average.output as number },
    runs: value.runs as Workflow["runs"],
    appliesWhen: {
      count: when.count as Workflow["appliesWhen"]["count"],
      atLeast: when.atLeast as number,
    },
    ...compilePrinted(issues, [...path, "printed"], value.printed),
  };
}

function compileCredits(issues: IssueList, value: unknown, models: Record<string, Model>): Credits {
  const path = ["credits"];
  const credits = isRecord(value) ? value : {};
  if (!isRecord(value)) addIssue(issues, path, "expected a credits object");
  checkText(issues, [...path, "name"], credits.name);
  checkText(issues, [...path, "symbol"], credits.symbol);
  const unitPrice = compileDecimal(issues, [...path, "unitPrice"], credits.unitPrice);
  if (unitPrice !== undefined && new Dec(unitPrice).isZero()) {
    addIssue(issues, [...path, "unitPrice"], "a credit's unit price must be above 0");
  }
  const rounding = (credits.rounding ?? { policy: "up", step: "1" }) as CreditRoundingInput;
  if (!isRecord(rounding) || !["none", "up", "half-even"].includes(rounding.policy)) {
    addIssue(issues, [...path, "rounding", "policy"], 'expected "none", "up" or "half-even"');
  } else if ("step" in rounding && rounding.step !== undefined) {
    if (
      checkDecimal(issues, [...path, "rounding", "step"], rounding.step) &&
      new Dec(rounding.step).isZero()
    ) {
      addIssue(issues, [...path, "rounding", "step"], "a rounding step must be above 0");
    }
  }
  let tokenMultiplier: Credits["tokenMultiplier"];
  if (credits.tokenMultiplier !== undefined) {
    const scheme = isRecord(credits.tokenMultiplier) ? credits.tokenMultiplier : {};
    const schemePath = [...path, "tokenMultiplier"];
    checkCount(issues, [...schemePath, "perTokens"], scheme.perTokens, 1);
    const multipliers: Record<string, string> = {};
    for (const model of idKeys(
      issues,
      [...schemePath, "multipliers"],
      scheme.multipliers,
      checkModelId,
    )) {
      const factor = (scheme.multipliers as Record<string, unknown>)[model];
      checkModelRef(issues, [...schemePath, "multipliers", model], model, models);
      if (checkDecimal(issues, [...schemePath, "multipliers", model], factor)) {
        multipliers[model] = formatDecimal(new Dec(factor as string));
      }
    }
    tokenMultiplier = { perTokens: scheme.perTokens as number, multipliers };
  }
  return {
    name: credits.name as string,
    symbol: credits.symbol as string,
    unitPrice: unitPrice ?? "0",
    rounding: { ...rounding },
    ...(tokenMultiplier === undefined ? {} : { tokenMultiplier }),
  };
}

/** Every name (model id, alias, variant id) must point at one thing only. */
function checkNameClashes(
  issues: IssueList,
  models: Record<string, Model>,
  variants: Record<string, Variant>,
): void {
  const seen = new Map<string, string>();
  const claim = (name: string, owner: string, path: Path) => {
    const previous = seen.get(name);
    if (previous !== undefined && previous !== owner) {
      addIssue(issues, path, `the name ${JSON.stringify(name)} is already used by ${previous}`);
    } else seen.set(name, owner);
  };
  for (const model of Object.values(models))
    claim(model.id, `model ${model.id}`, ["models", model.id]);
  for (const model of Object.values(models)) {
    model.aliases.forEach((alias, index) => {
      claim(alias, `model ${model.id}`, ["models", model.id, "aliases", index]);
    });
  }
  for (const variant of Object.values(variants))
    claim(variant.id, `variant ${variant.id}`, ["variants", variant.id]);
}
