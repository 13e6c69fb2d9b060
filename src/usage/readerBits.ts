// The key index of readResponse's detection: which readers' evidence a body's keys can make
// non-zero, as bits of READERS' indexes (src/usage/readResponse.ts lists READERS in this order;
// test/readers-roundtrip.test.ts holds the index to every reader's evidence).

/**
 * The readers whose evidence can be non-zero for a body with these keys, as bits of READERS'
 * indexes: each reader's evidence reads only the keys listed for it (a test holds the two to
 * each other). Looking a body's keys up here spares the sixteen evidence calls per record.
 */
const KEY_READERS: Readonly<Record<string, number>> = {
  __proto__: null,
  num_sources_used: 1 << 0,
  cached_prompt_text_tokens: 1 << 0,
  prompt_cache_hit_tokens: 1 << 1,
  prompt_cache_miss_tokens: 1 << 1,
  num_cached_tokens: 1 << 2,
  prompt_audio_seconds: 1 << 2,
  cached_tokens: 1 << 3,
  billed_units: 1 << 4,
  meta: 1 << 4,
  input_token_details: (1 << 5) | (1 << 8),
  usage_metadata: 1 << 8,
  kwargs: 1 << 8,
  output_token_details: 1 << 8,
  inputTokenDetails: 1 << 9,
  outputTokenDetails: 1 << 9,
  cachedInputTokens: 1 << 9,
  reasoningTokens: 1 << 9,
  promptTokens: 1 << 9,
  completionTokens: 1 << 9,
  totalUsage: 1 << 9,
  inputTokens: (1 << 9) | (1 << 10),
  serverToolUsage: 1 << 10,
  prompt_tokens: 1 << 7,
  usageMetadata: (1 << 12) | (1 << 11),
  responseTokenCount: 1 << 12,
  responseTokensDetails: 1 << 12,
  promptTokenCount: (1 << 12) | (1 << 11),
  cache_creation_input_tokens: 1 << 13,
  cache_read_input_tokens: 1 << 13,
  cache_creation: 1 << 13,
  server_tool_use: 1 << 13,
  inference_geo: 1 << 13,
  iterations: 1 << 13,
  input_tokens: (1 << 13) | (1 << 14),
  input_tokens_details: 1 << 14,
  completion_tokens: 1 << 15,
  candidatesTokenCount: 1 << 11,
  candidatesTokensDetails: 1 << 11,
  candidates: 1 << 11,
} as unknown as Record<string, number>;

/** The bits of KEY_READERS for the keys of a body and of its usage. @internal */
export function readerBits(
  body: Readonly<Record<string, unknown>>,
  usage: Readonly<Record<string, unknown>>,
): number {
  let bits = 0;
  for (const key in body) bits |= KEY_READERS[key] ?? 0;
  if (usage !== body) for (const key in usage) bits |= KEY_READERS[key] ?? 0;
  // Three keys count by their value: `object`, `type` (of the body, and of a usage: a
  // transcription's) and a `grok-` model.
  const object = body.object;
  if (typeof object === "string") bits |= VALUE_READERS[object] ?? 0;
  const type = body.type;
  if (typeof type === "string") bits |= VALUE_READERS[type] ?? 0;
  const usageType = usage.type;
  if (typeof usageType === "string") bits |= VALUE_READERS[usageType] ?? 0;
  const model = body.model;
  if (typeof model === "string" && model.startsWith("grok-")) bits |= 1 << 0;
  return bits;
}
const VALUE_READERS: Readonly<Record<string, number>> = {
  __proto__: null,
  "chat.completion": 1 << 15,
  "chat.completion.chunk": 1 << 15,
  response: 1 << 14,
  "realtime.response": 1 << 5,
  list: 1 << 7,
  message: 1 << 13,
  message_delta: 1 << 13,
  tokens: 1 << 6,
  duration: 1 << 6,
} as unknown as Record<string, number>;
