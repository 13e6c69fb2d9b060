import { fileURLToPath } from "node:url";
import { defineConfig, type Options } from "tsup";
import {
  engineGraph,
  engineInternals,
  lazyDigest,
  useEngine,
  withInternals,
} from "./scripts/build/enginePlugins.js";
import { useIndex } from "./scripts/build/useIndex.js";

// The CLI reads zod through src/cli/lazyZod.ts, which requires it on first use: `price` and
// `charge` with the built-in tables never need it, and importing it was ~40% of start-up.
const lazyZod = {
  name: "lazy-zod",
  setup(build: {
    onResolve: (options: { filter: RegExp }, callback: () => { path: string }) => void;
  }) {
    build.onResolve({ filter: /^zod$/ }, () => ({
      path: fileURLToPath(new URL("./src/cli/lazyZod.ts", import.meta.url)),
    }));
  },
};

// @noble/hashes (SHA-256 of table digests) is bundled in, not imported as its own modules
// (issue #15). Its MIT notice travels with it.
const NOBLE_NOTICE =
  "/*! Includes @noble/hashes: MIT License, Copyright (c) 2022 Paul Miller (https://paulmillr.com) */";

export default defineConfig(async (): Promise<Options[]> => {
  const graph = await withInternals(await engineGraph());
  const library: Options = {
    sourcemap: true,
    target: "node20",
    minify: true,
    splitting: false,
    treeshake: true,
    dts: false,
  };
  return [
    {
      // Types of the three entry points, as one build so that they share their declarations.
      entry: {
        index: "src/index.ts",
        engine: "src/engine.ts",
        calculator: "src/calculator.ts",
        "ai-sdk": "src/ai-sdk.ts",
        otel: "src/otel.ts",
        langchain: "src/langchain.ts",
      },
      format: ["esm", "cjs"],
      dts: { only: true },
    },
    // `llm-pricebook/engine` (no built-in table, no zod) is ONE file, dist/engine.js (or .cjs),
    // and `llm-pricebook` (+ built-in tables, parsing, output formats) and
    // `llm-pricebook/calculator` (the custom element) import it rather than carrying a copy:
    // one PricebookError class and one set of caches in a process (scripts/build/enginePlugins.ts).
    ...(["esm", "cjs"] as const).flatMap((format): Options[] => [
      {
        ...library,
        entry: { engine: "src/engine.ts" },
        format: [format],
        noExternal: ["@noble/hashes"],
        banner: { js: NOBLE_NOTICE },
        esbuildPlugins: [lazyDigest(), engineInternals(graph)],
      },
      {
        ...library,
        entry: { index: "src/index.ts", calculator: "src/calculator.ts" },
        format: [format],
        esbuildPlugins: [useEngine(graph, format === "esm" ? "./engine.js" : "./engine.cjs")],
      },
      {
        // The integrations: the engine from dist/engine.js, the built-in tables and the log
        // pricer from dist/index.js (scripts/build/useIndex.ts); the SDKs are never imported.
        ...library,
        entry: { "ai-sdk": "src/ai-sdk.ts", otel: "src/otel.ts", langchain: "src/langchain.ts" },
        format: [format],
        esbuildPlugins: [
          useIndex(format === "esm" ? "./index.js" : "./index.cjs"),
          useEngine(graph, format === "esm" ? "./engine.js" : "./engine.cjs"),
        ],
      },
    ]),
    {
      entry: { cli: "src/cli/main.ts" },
      format: ["esm"],
      sourcemap: true,
      minify: true,
      target: "node20",
      banner: { js: "#!/usr/bin/env node" },
      noExternal: ["zod"],
      esbuildPlugins: [lazyZod],
    },
    {
      // One classic script for docs sites without a bundler (<script src=…/calculator.global.js>):
      // the hash bundled in. A classic script also loads from a file:// page.
      entry: { calculator: "src/calculator.ts" },
      format: ["iife"],
      platform: "browser",
      target: "es2022",
      minify: true,
      noExternal: [/.*/],
      banner: { js: NOBLE_NOTICE },
    },
  ];
});
