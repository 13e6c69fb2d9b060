// The OpenTelemetry GenAI attribute names a span is priced by, as the semantic conventions
// define them (`@opentelemetry/semantic-conventions/incubating`, ATTR_GEN_AI_*). Copied rather
// than imported so the library keeps no runtime dependency on the package; a test asserts each
// string equals the package's constant.

/** OTel GenAI attribute names read from a span. @internal */
export const GEN_AI = Object.freeze({
  responseModel: "gen_ai.response.model",
  requestModel: "gen_ai.request.model",
  providerName: "gen_ai.provider.name",
  system: "gen_ai.system",
  inputTokens: "gen_ai.usage.input_tokens",
  outputTokens: "gen_ai.usage.output_tokens",
  cacheReadInputTokens: "gen_ai.usage.cache_read.input_tokens",
  cacheCreationInputTokens: "gen_ai.usage.cache_creation.input_tokens",
  reasoningOutputTokens: "gen_ai.usage.reasoning.output_tokens",
  /** Older names, read when the current ones are absent. */
  promptTokens: "gen_ai.usage.prompt_tokens",
  completionTokens: "gen_ai.usage.completion_tokens",
} as const);

/**
 * The table a span's `gen_ai.provider.name` (or older `gen_ai.system`) points to with
 * `table: "auto"`. Used only when the pricebook has a table of that id; otherwise the model
 * name alone decides (see docs/billing.md, "Pricing a log"). @internal
 */
export const PROVIDER_TABLES: Readonly<Record<string, string>> = Object.freeze({
  openai: "openai",
  anthropic: "anthropic",
  "gcp.gemini": "google",
  gemini: "google",
  "gcp.vertex_ai": "google-vertex",
  vertex_ai: "google-vertex",
  "aws.bedrock": "aws-bedrock",
  "azure.ai.openai": "azure-openai",
  "az.ai.openai": "azure-openai",
  deepseek: "deepseek",
  mistral_ai: "mistral",
  x_ai: "xai",
  groq: "groq",
  cohere: "cohere",
  perplexity: "perplexity",
});
