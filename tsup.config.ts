import { defineConfig } from "tsup";

export default defineConfig([
  {
    // `llm-pricebook` (engine + built-in tables + parsing), `llm-pricebook/engine` (no tables,
    // no zod) and `llm-pricebook/calculator` (the custom element, on the engine). Shared code is
    // split into chunks, so every entry shares one PricebookError class.
    entry: { index: "src/index.ts", engine: "src/engine.ts", calculator: "src/calculator.ts" },
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
  {
    // One classic script for docs sites without a bundler (<script src=…/calculator.global.js>):
    // decimal.js and the hash bundled in. A classic script also loads from a file:// page.
    entry: { calculator: "src/calculator.ts" },
    format: ["iife"],
    dts: false,
    sourcemap: false,
    clean: false,
    platform: "browser",
    target: "es2022",
    minify: true,
    noExternal: [/.*/],
  },
]);
