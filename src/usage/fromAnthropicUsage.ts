import { isRecord } from "../catalog/validate.js";
import { pricebookError } from "../errors.js";
import type { Usage } from "../pricing/normalizeUsage.js";
import { countAt, usageObject } from "./fields.js";

/**
 * Turns an Anthropic Messages `usage` into the library's {@link Usage}. Anthropic counts cache
 * reads (`cache_read_input_tokens`) and writes (`cache_creation_input_tokens`) *beside*
 * `input_tokens`; they are added into `input` here, so nothing is counted twice or left out.
 * Where the response breaks writes down by cache lifetime (`cache_creation.ephemeral_5m_input_tokens`,
 * `ephemeral_1h_input_tokens`), they become `cacheWrite` and `cacheWrite1h`. Server-side
 * web searches (`server_tool_use.web_search_requests`) become `webSearch` calls when above
 * zero. The whole response may be passed.
 *
 * @throws PricebookError `INVALID_USAGE` with the field's path
 *
 * @example
 * fromAnthropicUsage({ input_tokens: 21, output_tokens: 393, cache_creation_input_tokens: 188086, cache_read_input_tokens: 0 });
 * //=> { input: 188107, output: 393, cachedInput: 0, cacheWrite: 188086, cacheWrite1h: 0 }
 */
export function fromAnthropicUsage(response: unknown): Usage {
  return Object.freeze(readAnthropicUsage(response));
}

/**
 * {@link fromAnthropicUsage} without the freeze, for the log reader (which never hands the usage
 * out): the same counts and the same errors. @internal
 */
export function readAnthropicUsage(response: unknown): Usage {
  const usage = usageObject(response, "usage");
  const uncached = countAt(usage, ["input_tokens"]);
  const output = countAt(usage, ["output_tokens"]);
  const read = countAt(usage, ["cache_read_input_tokens"], 0);
  const written = countAt(usage, ["cache_creation_input_tokens"], 0);
  let cacheWrite = written;
  let cacheWrite1h = 0;
  if (isRecord(usage.cache_creation)) {
    const fiveMinutes = countAt(usage, ["cache_creation", "ephemeral_5m_input_tokens"], 0);
    cacheWrite1h = countAt(usage, ["cache_creation", "ephemeral_1h_input_tokens"], 0);
    if (fiveMinutes + cacheWrite1h !== written) {
      throw pricebookError(
        "INVALID_USAGE",
        ["usage", "cache_creation"],
        `cache_creation's 5m and 1h tokens (${fiveMinutes} + ${cacheWrite1h}) do not add up to cache_creation_input_tokens (${written})`,
      );
    }
    cacheWrite = fiveMinutes;
  }
  const input = uncached + read + written;
  if (!Number.isSafeInteger(input)) {
    throw pricebookError(
      "INVALID_USAGE",
      ["usage", "input_tokens"],
      "input tokens add up to more than 2^53 − 1",
    );
  }
  const webSearch = countAt(usage, ["server_tool_use", "web_search_requests"], 0);
  return {
    input,
    output,
    cachedInput: read,
    cacheWrite,
    cacheWrite1h,
    ...(webSearch > 0 ? { webSearch } : {}),
  };
}
