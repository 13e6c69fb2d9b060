import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import * as src from "../src/index.js";

// The built package (after `npm run build`): `llm-pricebook/engine` is one file that the other
// entry points import (scripts/build/enginePlugins.ts), so a process has one engine whichever
// entry points it uses. Skipped when dist/ has not been built.
const dist = new URL("../dist/", import.meta.url);
const built = existsSync(new URL("engine.js", dist)) && existsSync(new URL("index.cjs", dist));

type Lib = typeof src & { __internal?: unknown };

describe.runIf(built)("the built package", () => {
  const load = async () => ({
    esm: {
      index: (await import(new URL("index.js", dist).href)) as Lib,
      engine: (await import(new URL("engine.js", dist).href)) as Lib,
      calculator: (await import(new URL("calculator.js", dist).href)) as Lib,
    },
    cjs: {
      index: createRequire(import.meta.url)(new URL("index.cjs", dist).pathname) as Lib,
      engine: createRequire(import.meta.url)(new URL("engine.cjs", dist).pathname) as Lib,
      calculator: createRequire(import.meta.url)(new URL("calculator.cjs", dist).pathname) as Lib,
    },
  });

  it("loads the engine as one file that imports nothing", () => {
    for (const file of ["engine.js", "engine.cjs"]) {
      const code = readFileSync(new URL(file, dist), "utf8");
      expect(code, file).not.toMatch(/\bfrom\s*["']|\bimport\s*["'(]|\brequire\(/);
    }
  });

  it("has one engine in a process: the entry points share its classes and functions", async () => {
    const { esm, cjs } = await load();
    for (const { index, engine, calculator } of [esm, cjs]) {
      expect(index.PricebookError).toBe(engine.PricebookError);
      expect(index.compileTable).toBe(engine.compileTable);
      expect(calculator.compileTable).toBe(engine.compileTable);
      expect(index.quote).toBe(engine.quote);
      // An error made by llm-pricebook's own code (zod-validated parsing) is the engine's class.
      const error = (() => {
        try {
          index.parseTable({});
        } catch (caught) {
          return caught;
        }
      })();
      expect(error).toBeInstanceOf(engine.PricebookError);
      expect((error as Error).constructor).toBe(engine.PricebookError);
    }
  });

  it("exports the public API only (the engine's internal helpers under one internal name)", async () => {
    const { esm, cjs } = await load();
    const publicNames = Object.keys(src).sort();
    for (const { index, engine } of [esm, cjs]) {
      expect(Object.keys(index).sort()).toEqual(publicNames);
      const engineNames = Object.keys(engine).filter((name) => name !== "__internal");
      expect(engineNames.every((name) => publicNames.includes(name))).toBe(true);
      for (const moved of ["renderTable", "renderChart", "SECTION_COLUMNS", "toSql"]) {
        expect(engineNames, moved).not.toContain(moved);
        expect(publicNames, moved).toContain(moved);
      }
    }
  });

  it("prices and digests as the source does", async () => {
    const { esm, cjs } = await load();
    const table = src.tableAsOf(src.builtinPricebook(), "openai", { asOf: "2025-07-01" });
    // 0.019 ÷ 0.0032 and 0.0125 to cents: the README's and roundAmount's examples.
    for (const { index, engine } of [esm, cjs]) {
      const built = index.tableAsOf(index.builtinPricebook(), "openai", { asOf: "2025-07-01" });
      expect(built.provenance.digest).toBe(table.provenance.digest);
      expect(engine.chargeUsd(built, "gpt-4o-mini", { input: 2800, output: 1200 })).toBe("0.00114");
      const byok = index.tableAsOf(index.builtinPricebook(), "gpt-trainer-byok");
      expect(engine.creditsFromUsd(byok, "0.019")).toBe("5.9375");
      expect(engine.roundAmount("0.0125", { scale: 2, mode: "half-even" })).toBe("0.01");
    }
  });
});
