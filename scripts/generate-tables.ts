// Writes the generated built-in tables (npm run tables:generate): one module per table version
// in src/tables/, their list, and the generated section of docs/pricebook.md. Removes
// generated modules no longer produced. DO NOT EDIT the files it writes.
import { readdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { generatedFiles } from "./tables/generatedFiles.js";
import { GENERATED_HEADER } from "./tables/renderModules.js";

const root = new URL("../", import.meta.url);
const files = generatedFiles();
for (const name of readdirSync(new URL("src/tables/", root))) {
  const path = `src/tables/${name}`;
  if (files.has(path)) continue;
  if (readFileSync(new URL(path, root), "utf8").startsWith(GENERATED_HEADER)) {
    unlinkSync(new URL(path, root));
    console.log(`removed ${path}`);
  }
}
for (const [path, content] of files) {
  writeFileSync(new URL(path, root), content);
  console.log(`wrote ${path}`);
}
