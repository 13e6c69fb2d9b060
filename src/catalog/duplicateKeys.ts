import type { PricebookIssue } from "../errors.js";

/**
 * Keys that appear twice in one object of a JSON text. JSON.parse silently keeps the last,
 * which would let a table file define `gpt-4o` twice with different prices; this finds them,
 * with their paths. Assumes the text is valid JSON (call it after JSON.parse succeeds).
 *
 * @internal
 */
export function duplicateKeys(text: string): PricebookIssue[] {
  const issues: PricebookIssue[] = [];
  // One frame per open object or array: its keys so far, the current key or index. Paths are
  // built only for a duplicate found, so deep input costs memory linear in its depth.
  const stack: { keys: Set<string> | null; index: number; key: string | null }[] = [];
  const pathTo = (depth: number): (string | number)[] =>
    stack
      .slice(0, depth)
      .map((frame) => (frame.keys === null ? frame.index : (frame.key as string)));
  let i = 0;
  const readString = (): string => {
    const start = i;
    i += 1;
    while (text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i += 1;
    return JSON.parse(text.slice(start, i)) as string;
  };
  while (i < text.length) {
    const char = text[i] as string;
    if (char === '"') {
      const value = readString();
      const top = stack.at(-1);
      let j = i;
      while (/\s/.test(text[j] ?? "")) j += 1;
      if (top !== undefined && top.keys !== null && text[j] === ":") {
        if (top.keys.has(value)) {
          issues.push({
            code: "INVALID_TABLE",
            path: [...pathTo(stack.length - 1), value],
            message: `the key "${value}" appears more than once in this object`,
          });
        }
        top.keys.add(value);
        top.key = value;
      }
      continue;
    }
    if (char === "{" || char === "[") {
      stack.push({ keys: char === "{" ? new Set() : null, index: 0, key: null });
    } else if (char === "}" || char === "]") {
      stack.pop();
    } else if (char === ",") {
      const top = stack.at(-1);
      if (top !== undefined && top.keys === null) top.index += 1;
    }
    i += 1;
  }
  return issues;
}
