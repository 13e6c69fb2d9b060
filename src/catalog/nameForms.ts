import { isIsoDate } from "./validate.js";

/**
 * Which declared rule matched a name: its exact `id`, an `alias` the table lists, a dated
 * `snapshot` or `-latest`/`-NNN` form of an id, a provider or router `prefix`, or a cloud
 * vendor's form of an id (`vendor-form`: Bedrock region prefixes and `-vN:M` suffixes, Vertex
 * `@YYYYMMDD`). Where rules compose, the last one applied is reported (a prefixed Bedrock id
 * is `vendor-form`; a prefixed snapshot is `snapshot`).
 */
export type ResolvedBy = "id" | "alias" | "snapshot" | "prefix" | "vendor-form";

/** One reduction of a name by a declared rule, and the provider it must belong to (if any). @internal */
export interface NameForm {
  readonly name: string;
  readonly rule: Exclude<ResolvedBy, "id" | "alias">;
  /** The provider a prefix or a Bedrock owner names; null when the form says nothing of it. */
  readonly provider: string | null;
}

/**
 * Provider and router prefixes (`<prefix>/…`), each with the provider it vouches for, or null
 * for a cloud or router that serves many providers' models.
 */
export const ROUTER_PREFIXES: ReadonlyMap<string, string | null> = new Map([
  ["openai", "openai"],
  ["anthropic", "anthropic"],
  ["google", "google"],
  ["models", "google"],
  ["gemini", "google"],
  ["mistral", "mistral"],
  ["xai", "xai"],
  ["azure", null],
  ["vertex_ai", null],
  ["bedrock", null],
]);

/** OpenRouter's provider slugs (`openrouter/<slug>/…`, `<slug>/…`) where they differ from ours. */
export const OPENROUTER_PROVIDERS: ReadonlyMap<string, string> = new Map([
  ["mistralai", "mistral"],
  ["x-ai", "xai"],
  ["meta-llama", "meta"],
]);

/** Bedrock's cross-region inference prefixes. */
export const BEDROCK_REGIONS = ["us", "us-gov", "eu", "apac", "au", "jp", "ca", "global"] as const;

/** Bedrock's model owners (`anthropic.claude-…`), each the provider it names. */
export const BEDROCK_OWNERS = [
  "anthropic",
  "amazon",
  "meta",
  "mistral",
  "cohere",
  "ai21",
  "deepseek",
  "openai",
  "qwen",
  "writer",
] as const;

const PREFIX = /^([a-z0-9_-]+)[:/](.+)$/;
const OPENROUTER = /^openrouter\/([a-z0-9_.-]+)\/(.+)$/;
/** A Bedrock id: optional region, owner, model (`us.anthropic.claude-…-v1:0`). @internal */
export const BEDROCK = new RegExp(
  `^(?:(${BEDROCK_REGIONS.join("|")})\\.)?(${BEDROCK_OWNERS.join("|")})\\.([a-z0-9].*)$`,
);
const BEDROCK_SUFFIX = /-v\d+:\d+$/;
/** A Vertex id: model `@` a date, three digits or `latest`. @internal */
export const VERTEX = /^(.+)@(\d{8}|\d{3}|latest)$/;
const SNAPSHOT = /^(.+)-(\d{4}-\d{2}-\d{2}|\d{8}|latest|\d{3})$/;

/** True when a snapshot tag is `latest`, three digits, or a date that exists. */
function isSnapshotTag(tag: string): boolean {
  if (tag === "latest" || tag.length === 3) return true;
  const dashed = tag.length === 8 ? `${tag.slice(0, 4)}-${tag.slice(4, 6)}-${tag.slice(6)}` : tag;
  return isIsoDate(dashed);
}

/**
 * The reductions of a lower-case name by the declared rules, least reduced first: a provider or
 * router prefix (`prefix`), then a Bedrock or Vertex form (`vendor-form`), then a snapshot tag
 * (`snapshot`). Only the ends of the name are ever removed; nothing is guessed.
 *
 * @internal
 */
export function nameForms(wanted: string, providers: ReadonlySet<string> = new Set()): NameForm[] {
  const forms: NameForm[] = [];
  let rest = wanted;
  let provider: string | null = null;

  const routed = OPENROUTER.exec(rest);
  const prefixed = routed === null ? PREFIX.exec(rest) : null;
  if (routed !== null) {
    const slug = routed[1] as string;
    provider = OPENROUTER_PROVIDERS.get(slug) ?? slug;
    rest = routed[2] as string;
    forms.push({ name: rest, rule: "prefix", provider });
  } else if (prefixed !== null) {
    const head = prefixed[1] as string;
    if (ROUTER_PREFIXES.has(head) || providers.has(head) || OPENROUTER_PROVIDERS.has(head)) {
      provider = ROUTER_PREFIXES.has(head)
        ? (ROUTER_PREFIXES.get(head) ?? null)
        : (OPENROUTER_PROVIDERS.get(head) ?? head);
      rest = prefixed[2] as string;
      forms.push({ name: rest, rule: "prefix", provider });
    }
  }

  const bedrock = BEDROCK.exec(rest);
  const vertex = bedrock === null ? VERTEX.exec(rest) : null;
  if (bedrock !== null) {
    const [, region, owner, model] = bedrock as unknown as [
      string,
      string | undefined,
      string,
      string,
    ];
    if (provider !== null && provider !== owner) return forms;
    provider = owner;
    if (region !== undefined)
      forms.push({ name: `${owner}.${model}`, rule: "vendor-form", provider });
    const bare = model.replace(BEDROCK_SUFFIX, "");
    if (bare !== model) forms.push({ name: `${owner}.${bare}`, rule: "vendor-form", provider });
    rest = bare;
    forms.push({ name: rest, rule: "vendor-form", provider });
  } else if (vertex !== null) {
    const [, base, tag] = vertex as unknown as [string, string, string];
    if (isSnapshotTag(tag)) {
      forms.push({ name: `${base}-${tag}`, rule: "vendor-form", provider });
      rest = base;
      forms.push({ name: rest, rule: "vendor-form", provider });
    }
  }

  const snapshot = SNAPSHOT.exec(rest);
  if (snapshot !== null && isSnapshotTag(snapshot[2] as string)) {
    forms.push({ name: snapshot[1] as string, rule: "snapshot", provider });
  }
  return forms;
}
