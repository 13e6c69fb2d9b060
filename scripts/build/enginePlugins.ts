// esbuild plugins for tsup.config.ts: `llm-pricebook/engine` as ONE file that the package's other
// entry points import (issue #15). Node's ESM loader costs about a millisecond per module file,
// so the engine, whose import must cost at most 1.25× decimal.js's, is a single file; and
// `llm-pricebook` and `llm-pricebook/calculator` import that file rather than carrying a copy, so
// the whole package runs on one copy of the engine (one PricebookError class, one set of caches).
//
// - `engineInternals` (engine build): dist/engine.js also exports `__internal`, an object of
//   every engine module's exports, which the other entry points read the engine's internal
//   helpers from. It is no part of the API (not in the types), and a bundler drops it, as an
//   unused object literal, when only the public functions are used.
// - `useEngine` (index and calculator builds): every import of an engine module becomes an
//   import of dist/engine.js (its public names, or the module's exports from `__internal`).
// - `lazyDigest` (engine build): @noble/hashes, which only a table digest needs, is compiled
//   into a function that runs on the first digest. Importing the engine then runs none of it
//   (noble builds its tables and a hasher when loaded), and a bundler drops it when nothing
//   computes a digest, which it could not do with noble's module-level calls in a minified file.
import { resolve } from "node:path";
import { build, type Plugin } from "esbuild";

const ENGINE_ENTRY = resolve("src/engine.ts");
const DIGEST = resolve("src/catalog/sha256.ts");

/** The engine's modules (absolute paths), each with its value exports, and its public names. */
export interface EngineGraph {
  readonly modules: ReadonlyMap<string, readonly string[]>;
  readonly publicNames: readonly string[];
  /** Per module, the exports src/engine.ts re-exports from it under the same name. */
  readonly reexported: ReadonlyMap<string, ReadonlySet<string>>;
  /** Per module key (`m6`), the other names the other entry points use (see withInternals). */
  readonly internal?: ReadonlyMap<string, readonly string[]>;
}

/** What src/engine.ts (re-exports only) re-exports, by module: `export { a, type B } from "./m.js"`. */
async function reexports(): Promise<Map<string, Set<string>>> {
  const { readFile } = await import("node:fs/promises");
  const source = await readFile(ENGINE_ENTRY, "utf8");
  const byModule = new Map<string, Set<string>>();
  for (const [, names, from] of source.matchAll(/export\s*\{([^}]*)\}\s*from\s*"([^"]+)"/g)) {
    const path = resolve("src", (from as string).replace(/\.js$/, ".ts"));
    const set = byModule.get(path) ?? new Set<string>();
    for (const item of (names as string).split(",")) {
      const name = item.trim();
      if (name !== "" && !name.startsWith("type ") && !name.includes(" as ")) set.add(name);
    }
    byModule.set(path, set);
  }
  return byModule;
}

/** Reads the engine's module graph with esbuild (bundling nothing to disk). */
export async function engineGraph(): Promise<EngineGraph> {
  const bundled = await build({
    entryPoints: [ENGINE_ENTRY],
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    platform: "neutral",
    packages: "external",
    outfile: "engine.js",
    logLevel: "silent",
  });
  const paths = Object.keys(bundled.metafile.inputs)
    .map((path) => resolve(path))
    .filter((path) => path !== ENGINE_ENTRY);
  const publicNames = Object.values(bundled.metafile.outputs).flatMap((output) => output.exports);
  // Each module alone, not bundled: its own value exports (types are gone once compiled).
  const alone = await build({
    entryPoints: paths,
    bundle: false,
    write: false,
    metafile: true,
    format: "esm",
    platform: "neutral",
    outdir: "engine-modules",
    outbase: ".",
    logLevel: "silent",
  });
  const modules = new Map<string, readonly string[]>();
  for (const output of Object.values(alone.metafile.outputs)) {
    if (output.entryPoint !== undefined) modules.set(resolve(output.entryPoint), output.exports);
  }
  return { modules, publicNames, reexported: await reexports() };
}

/** The key of a module in `__internal`: its index in the graph. */
function keyOf(graph: EngineGraph, path: string): string {
  return `m${[...graph.modules.keys()].indexOf(path)}`;
}

/**
 * The graph with the internal names `llm-pricebook` and `llm-pricebook/calculator` use: a
 * bundle of both, as their builds bundle them, keeps exactly those (`bytesInOutput`). Only
 * they go into `__internal`: an object of every engine export cost 0.06× decimal.js's import.
 */
export async function withInternals(graph: EngineGraph): Promise<EngineGraph> {
  const probe = await build({
    entryPoints: [
      "src/index.ts",
      "src/calculator.ts",
      "src/ai-sdk.ts",
      "src/otel.ts",
      "src/langchain.ts",
    ],
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    platform: "node",
    packages: "external",
    outdir: "internals-probe",
    plugins: [useEngine(graph, "./engine.js")],
    logLevel: "silent",
  });
  const internal = new Map<string, string[]>();
  for (const output of Object.values(probe.metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const found = /^engine-internal:engine-internal:(m\d+):(.+)$/.exec(input);
      if (found === null || bytesInOutput === 0) continue;
      const [, key, name] = found as unknown as [string, string, string];
      const names = internal.get(key) ?? [];
      if (!names.includes(name)) names.push(name);
      internal.set(key, names);
    }
  }
  return { ...graph, internal };
}

/** Engine build: dist/engine.js also exports `__internal` (see above). */
export function engineInternals(graph: EngineGraph): Plugin {
  return {
    name: "engine-internals",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^engine-internals$/ }, () => ({
        path: "engine-internals",
        namespace: "engine-internals",
      }));
      pluginBuild.onLoad({ filter: /.*/, namespace: "engine-internals" }, () => {
        const lines: string[] = [];
        const entries: string[] = [];
        for (const path of graph.modules.keys()) {
          const key = keyOf(graph, path);
          const names = graph.internal?.get(key) ?? [];
          if (names.length === 0) continue;
          lines.push(
            `import { ${names.map((n) => `${n} as ${key}_${n}`).join(", ")} } from ${JSON.stringify(path)};`,
          );
          entries.push(`${key}: { ${names.map((n) => `${n}: ${key}_${n}`).join(", ")} }`);
        }
        lines.push(`export const __internal = { ${entries.join(", ")} };`);
        return { contents: lines.join("\n"), loader: "js", resolveDir: resolve(".") };
      });
      pluginBuild.onLoad({ filter: /[\\/]src[\\/]engine\.ts$/ }, async (args) => {
        if (resolve(args.path) !== ENGINE_ENTRY) return undefined;
        const { readFile } = await import("node:fs/promises");
        const source = await readFile(ENGINE_ENTRY, "utf8");
        return {
          contents: `${source}\nexport { __internal } from "engine-internals";\n`,
          loader: "ts",
          resolveDir: resolve("src"),
        };
      });
    },
  };
}

/** Index and calculator builds: engine modules come from dist/engine.js (see above). */
export function useEngine(graph: EngineGraph, engineFile: string): Plugin {
  const from = JSON.stringify(engineFile);
  return {
    name: "use-engine",
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter: /^\./ }, async (args) => {
        if (args.kind === "entry-point" || args.pluginData?.skip) return undefined;
        const found = await pluginBuild.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          pluginData: { skip: true },
        });
        if (found.errors.length > 0) return undefined;
        const path = resolve(found.path);
        if (path !== ENGINE_ENTRY && !graph.modules.has(path)) return undefined;
        return { path, namespace: "engine-facade", sideEffects: false };
      });
      // One module per internal name, free of side effects, so that a name nobody uses reads
      // nothing from `__internal` and a bundle of public names only never touches it.
      pluginBuild.onResolve({ filter: /^engine-internal:/ }, (args) => ({
        path: args.path,
        namespace: "engine-internal",
        sideEffects: false,
      }));
      pluginBuild.onLoad({ filter: /.*/, namespace: "engine-internal" }, (args) => {
        const [, key, name] = args.path.split(":") as [string, string, string];
        // A name the probe of withInternals did not see is not in `__internal`: if a build
        // keeps it after all, importing that build fails at once rather than reading undefined.
        const known = graph.internal === undefined || graph.internal.get(key)?.includes(name);
        return {
          contents: known
            ? `import { __internal } from ${from};\nexport const ${name} = __internal.${key}.${name};`
            : `export const ${name} = (() => { throw new Error("llm-pricebook build: ${key}.${name} is not in the engine's __internal"); })();`,
          loader: "js",
        };
      });
      pluginBuild.onLoad({ filter: /.*/, namespace: "engine-facade" }, (args) => {
        if (args.path === ENGINE_ENTRY) {
          return {
            contents: `export { ${graph.publicNames.join(", ")} } from ${from};`,
            loader: "js",
          };
        }
        // Public names by their public name, the rest from `__internal`.
        const reexported = graph.reexported.get(args.path) ?? new Set<string>();
        const key = keyOf(graph, args.path);
        const lines = (graph.modules.get(args.path) ?? []).map((name) =>
          reexported.has(name)
            ? `export { ${name} } from ${from};`
            : `export { ${name} } from "engine-internal:${key}:${name}";`,
        );
        return { contents: lines.join("\n"), loader: "js" };
      });
      pluginBuild.onResolve({ filter: /^\.\/engine\.c?js$/ }, (args) =>
        args.namespace === "engine-facade" || args.namespace === "engine-internal"
          ? { path: engineFile, external: true }
          : undefined,
      );
    },
  };
}

/** Engine build: @noble/hashes runs on the first digest, not on import (see above). */
export function lazyDigest(): Plugin {
  return {
    name: "lazy-digest",
    setup(pluginBuild) {
      pluginBuild.onLoad({ filter: /[\\/]src[\\/]catalog[\\/]sha256\.ts$/ }, async (args) => {
        if (resolve(args.path) !== DIGEST) return undefined;
        // src/catalog/sha256.ts with noble in it, as the body of a function that returns it.
        const compiled = await build({
          entryPoints: [DIGEST],
          bundle: true,
          write: false,
          format: "esm",
          platform: "browser",
          target: pluginBuild.initialOptions.target,
          logLevel: "silent",
        });
        const text = compiled.outputFiles[0]?.text ?? "";
        const body = text.replace(/export\s*\{\s*sha256Hex\s*\};?\s*$/, "return sha256Hex;");
        if (body === text)
          throw new Error("lazy-digest: src/catalog/sha256.ts must export sha256Hex");
        return {
          contents: [
            "let hex;",
            "export function sha256Hex(text) {",
            "  hex ??= load();",
            "  return hex(text);",
            "}",
            "function load() {",
            body,
            "}",
          ].join("\n"),
          loader: "js",
        };
      });
    },
  };
}
