// Writes the generated catalog disagreements into docs/catalogs.md (npm run docs:catalogs).
import { readFileSync, writeFileSync } from "node:fs";
import { BEGIN, catalogDisagreements, END } from "./catalogDisagreements.js";

const page = new URL("../docs/catalogs.md", import.meta.url);
const text = readFileSync(page, "utf8");
const start = text.indexOf(BEGIN);
const end = text.indexOf(END);
if (start === -1 || end === -1)
  throw new Error("docs/catalogs.md has no generated section markers");
writeFileSync(
  page,
  `${text.slice(0, start)}${catalogDisagreements()}${text.slice(end + END.length)}`,
);
