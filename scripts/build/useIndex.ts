import { resolve } from "node:path";
import type { Plugin } from "esbuild";

/**
 * Integration builds (`llm-pricebook/ai-sdk`, `/otel`, `/langchain`): the modules that belong to
 * the main entry (the built-in tables, the log pricer) come from dist/index.js (or .cjs), as the
 * engine's come from dist/engine.js, so an integration carries no copy of the tables and a
 * process has one set of them. Every name imported from these modules is one src/index.ts
 * exports under the same name.
 */
const FROM_INDEX = new Set(
  ["src/tables/builtinPricebook.ts", "src/records/priceRecords.ts"].map((path) => resolve(path)),
);

/** Imports of the main entry's own modules resolve to `indexFile`, left external. */
export function useIndex(indexFile: string): Plugin {
  return {
    name: "use-index",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^\./ }, async (args) => {
        if (args.kind === "entry-point" || args.pluginData?.skipIndex) return undefined;
        const found = await pluginBuild.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          pluginData: { skipIndex: true, skip: true },
        });
        if (found.errors.length > 0 || !FROM_INDEX.has(resolve(found.path))) return undefined;
        return { path: indexFile, external: true };
      });
    },
  };
}
