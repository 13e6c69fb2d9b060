import { describe, expect, it } from "vitest";
import {
  builtinPricebook,
  compileTable,
  createPricebook,
  type PricingTableInput,
  parseTable,
  resolveName,
  safeParseTable,
  tableAsOf,
} from "../src/index.js";
import { gptTrainerByok20241101 } from "../src/tables/gptTrainerByok20241101.js";
import { caught } from "./helpers.js";

const good = JSON.parse(JSON.stringify(gptTrainerByok20241101)) as Record<string, unknown>;
const table = tableAsOf(builtinPricebook(), "gpt-trainer-byok", { asOf: "2024-12-01" });

function withChange(change: (copy: Record<string, any>) => void): Record<string, unknown> {
  const copy = structuredClone(good) as Record<string, any>;
  change(copy);
  return copy;
}

describe("compiled tables", () => {
  it("are deep-frozen", () => {
    expect(Object.isFrozen(table)).toBe(true);
    expect(Object.isFrozen(table.models["gpt-4o"])).toBe(true);
    expect(Object.isFrozen(table.variants["gpt-4o-16k"]?.reserved)).toBe(true);
  });

  it("compute the digest on first read (once), and serialise and clone it as data", () => {
    // The pinned digests (test/pricebook.test.ts) check its value; here, its form.
    const fresh = compileTable(gptTrainerByok20241101);
    expect(typeof Object.getOwnPropertyDescriptor(fresh.provenance, "digest")?.get).toBe(
      "function",
    );
    expect(Object.isFrozen(fresh.provenance)).toBe(true);
    const digest = fresh.provenance.digest;
    expect(digest).toBe(table.provenance.digest);
    expect(fresh.provenance.digest).toBe(digest);
    const data = { id: "gpt-trainer-byok", version: "2024-11-01", digest };
    expect(JSON.parse(JSON.stringify(fresh.provenance))).toEqual(data);
    expect(structuredClone(fresh.provenance)).toEqual(data);
    expect({ ...fresh.provenance }).toEqual(data);
    expect(() => {
      (fresh.provenance as { digest: string }).digest = "sha256:0";
    }).toThrow(TypeError);
  });

  it("carry a digest of their canonical JSON that ignores key order", () => {
    const reordered = Object.fromEntries(Object.entries(good).reverse());
    expect(parseTable(reordered).provenance.digest).toBe(table.provenance.digest);
    expect(table.provenance.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const changed = parseTable(
      withChange((t) => {
        t.models["gpt-4o"].input = "0.0000026";
      }),
    );
    expect(changed.provenance.digest).not.toBe(table.provenance.digest);
  });

  it("take rates per million tokens as the same exact value", () => {
    const perMillion = parseTable(
      withChange((t) => {
        t.models["gpt-4o"].input = { perMillion: "2.50" };
      }),
    );
    expect(perMillion.models["gpt-4o"]?.input).toBe("0.0000025");
    expect(perMillion.provenance.digest).toBe(table.provenance.digest);
  });

  it("do not freeze or share any part of their input", () => {
    const input = structuredClone(good);
    compileTable(input as unknown as PricingTableInput);
    const frozen: string[] = [];
    const walk = (value: unknown, path: string) => {
      if (typeof value !== "object" || value === null) return;
      if (Object.isFrozen(value)) frozen.push(path);
      for (const [key, child] of Object.entries(value)) walk(child, `${path}.${key}`);
    };
    walk(input, "input");
    expect(frozen).toEqual([]);
  });

  it("do not mutate their input", () => {
    const input = structuredClone(good);
    parseTable(input);
    compileTable(input as unknown as PricingTableInput);
    expect(input).toEqual(good);
  });
});

describe("parseTable", () => {
  it("accepts JSON text", () => {
    expect(parseTable(JSON.stringify(good)).provenance).toEqual(table.provenance);
  });

  it.each([
    [
      "a rate that is not a decimal",
      (t: any) => {
        t.models["gpt-4o"].input = "2.5e-6";
      },
      "models.gpt-4o.input",
    ],
    [
      "a negative rate",
      (t: any) => {
        t.models["gpt-4o"].output = "-0.00001";
      },
      "models.gpt-4o.output",
    ],
    [
      "a number as a rate",
      (t: any) => {
        t.models["gpt-4o"].output = 0.00001;
      },
      "models.gpt-4o.output",
    ],
    [
      "a variant pointing at an unknown model",
      (t: any) => {
        t.variants["gpt-4o-16k"].model = "gpt-5";
      },
      "variants.gpt-4o-16k.model",
    ],
    [
      "a fractional reservation",
      (t: any) => {
        t.variants["gpt-4o-16k"].reserved.input = 12800.5;
      },
      "variants.gpt-4o-16k.reserved.input",
    ],
    [
      "a zero reservation",
      (t: any) => {
        t.variants["gpt-4o-16k"].reserved.output = 0;
      },
      "variants.gpt-4o-16k.reserved.output",
    ],
    [
      "a date that does not exist",
      (t: any) => {
        t.effectiveFrom = "2025-02-30";
      },
      "effectiveFrom",
    ],
    [
      "a date that is not a date",
      (t: any) => {
        t.checkedOn = "yesterday";
      },
      "checkedOn",
    ],
    [
      "an unknown field",
      (t: any) => {
        t.models["gpt-4o"].inptu = "1";
      },
      "models.gpt-4o",
    ],
    [
      "an upper-case id",
      (t: any) => {
        t.variants["GPT-4o-16k"] = t.variants["gpt-4o-16k"];
      },
      "variants.GPT-4o-16k",
    ],
    [
      "a workflow on an unknown model",
      (t: any) => {
        t.workflows["variable-extraction"].model = "nope";
      },
      "workflows.variable-extraction.model",
    ],
    [
      "a credit price of zero",
      (t: any) => {
        t.credits.unitPrice = "0";
      },
      "credits.unitPrice",
    ],
  ])("rejects %s, with its path", (_, change, path) => {
    const result = safeParseTable(withChange(change));
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.code).toBe("INVALID_TABLE");
    expect(result.error.issues.map((issue) => issue.path.join("."))).toContain(path);
    expect(result.error.message).toContain(path);
  });

  it("reports every problem at once", () => {
    const result = safeParseTable(
      withChange((t) => {
        t.models["gpt-4o"].input = "x";
        t.models["gpt-4o-mini"].output = "y";
      }),
    );
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues).toHaveLength(2);
  });

  it("says 'expected a decimal string' for a bad rate", () => {
    const error = caught(() =>
      parseTable(
        withChange((t) => {
          t.models["gpt-4o"].input = "abc";
        }),
      ),
    );
    expect(error.message).toContain("models.gpt-4o.input: expected a decimal string");
  });

  it("refuses names that clash", () => {
    const error = caught(() =>
      parseTable(
        withChange((t) => {
          t.models["gpt-4o"].aliases = ["gpt-4o-16k"];
        }),
      ),
    );
    expect(error.code).toBe("INVALID_TABLE");
    expect(error.message).toContain("already used by");
  });

  it("refuses text that is not JSON", () => {
    expect(caught(() => parseTable("{ nope")).code).toBe("INVALID_TABLE");
  });

  it("refuses prototype keys, and changes no prototype", () => {
    for (const key of ["__proto__", "constructor", "prototype"]) {
      const text = JSON.stringify(good).replace(
        '"gpt-4o":{',
        `"${key}":{"polluted":"yes"},"gpt-4o":{`,
      );
      const error = caught(() => parseTable(text));
      expect(error.code).toBe("INVALID_TABLE");
      expect(error.issues.some((issue) => issue.path.includes(key))).toBe(true);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });
});

describe("resolveName", () => {
  it("finds variants and models in any case, optionally provider-qualified", () => {
    expect(resolveName(table, "GPT-4o-16k").variant?.id).toBe("gpt-4o-16k");
    expect(resolveName(table, "openai:gpt-4o").model.id).toBe("gpt-4o");
    expect(resolveName(table, "openai/gpt-4o-mini-16k").variant?.reserved).toEqual({
      input: 12800,
      output: 3200,
    });
  });

  it("never resolves a provider-qualified name to another provider's model", () => {
    const error = caught(() => resolveName(table, "anthropic:gpt-4o"));
    expect(error.code).toBe("UNKNOWN_MODEL");
    expect(error.message).toContain("openai's, not anthropic's");
  });

  it("suggests up to three near names", () => {
    const error = caught(() => resolveName(table, "gpt-4o-17k"));
    expect(error.code).toBe("UNKNOWN_MODEL");
    expect(error.suggestions[0]).toBe("gpt-4o-16k");
    expect(error.suggestions.length).toBeLessThanOrEqual(3);
    expect(error.message).toBe(
      'no model or variant "gpt-4o-17k" in gpt-trainer-byok@2024-11-01; did you mean "gpt-4o-16k", "gpt-4o-1k", "gpt-4o-32k"?',
    );
  });
});

describe("pricebooks", () => {
  it("refuse two tables with the same id and version", () => {
    expect(caught(() => createPricebook([table, table])).code).toBe("INVALID_ARGUMENT");
  });

  it("find no table in effect before the first version", () => {
    const error = caught(() =>
      tableAsOf(builtinPricebook(), "gpt-trainer-byok", { asOf: "2020-01-01" }),
    );
    expect(error.code).toBe("NO_TABLE_IN_EFFECT");
  });

  it("refuse an unknown table id with a suggestion, and a date that does not exist", () => {
    const error = caught(() => tableAsOf(builtinPricebook(), "gpt-trainer-byk"));
    expect(error.code).toBe("UNKNOWN_TABLE");
    expect(error.suggestions).toEqual(["gpt-trainer-byok"]);
    expect(
      caught(() => tableAsOf(builtinPricebook(), "gpt-trainer-byok", { asOf: "2025-02-30" })).code,
    ).toBe("INVALID_ARGUMENT");
  });
});

describe("compileTable: a rate per million is the rate per token, digit for digit", () => {
  // The figure by decimal.js (dev only), against compileTable's own reading: a plain canonical
  // perMillion is moved six places as a scaled integer; any other form is divided exactly.
  it("for random rates in every form", async () => {
    const fc = (await import("fast-check")).default;
    const { default: Decimal } = await import("decimal.js");
    const D = Decimal.clone({ precision: 200 });
    const plain = (d: InstanceType<typeof D>) => d.toFixed();
    const digits = fc.stringMatching(/^[0-9]{1,18}$/);
    const rate = fc
      .tuple(digits, fc.option(digits, { nil: undefined }))
      .map(([whole, fraction]) => (fraction === undefined ? whole : `${whole}.${fraction}`));
    fc.assert(
      fc.property(rate, rate, (input, output) => {
        const table = compileTable({
          id: "t",
          version: "1",
          effectiveFrom: "2025-01-01",
          source: "test",
          checkedOn: "2025-01-01",
          currency: "USD",
          models: {
            m: { provider: "p", input: { perMillion: input }, output: { perMillion: output } },
          },
        });
        expect(table.models.m?.input).toBe(plain(new D(input).div(1_000_000)));
        expect(table.models.m?.output).toBe(plain(new D(output).div(1_000_000)));
      }),
      { numRuns: 3000 },
    );
  });
});
