// The built CLI's stand-in for `import { z } from "zod"` (tsup.config.ts maps the CLI's zod
// import here). Only reading a table file uses zod, and importing it costs more start-up time
// than pricing a thousand log lines (bench/price-log.bench.ts), so `llm-pricebook price` with
// the built-in tables never loads it: zod is required on the first property read of `z`,
// which src/schema/tableSchema.ts makes only when it builds the schema.
import { createRequire } from "node:module";
import type * as Zod from "zod";

let loaded: typeof Zod.z | undefined;

function zod(): typeof Zod.z {
  loaded ??= (createRequire(import.meta.url)("zod") as typeof Zod).z;
  return loaded;
}

export const z: typeof Zod.z = new Proxy({} as typeof Zod.z, {
  get: (_target, key) => Reflect.get(zod(), key),
  has: (_target, key) => Reflect.has(zod(), key),
});
