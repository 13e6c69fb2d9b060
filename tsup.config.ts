import { defineConfig } from "tsup";

export default defineConfig([
  {
    // `llm-pricebook` (engine + built-in tables + parsing) and `llm-pricebook/engine` (no tables,
    // no zod). Shared code is split into chunks, so both entries share one PricebookError class.
    entry: { index: "src/index.ts", engine: "src/engine.ts" },
    format: ["esm", "cjs"],
    dts: true,
    splitting: true,
    sourcemap: true,
    clean: true,
    target: "node20",
    treeshake: true,
    minify: true,
  },
  {
    entry: { cli: "src/cli/main.ts" },
    format: ["esm"],
    dts: false,
    sourcemap: true,
    clean: false,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
