// Writes the generated files under docs/ (npm run docs:generate). DO NOT EDIT them by hand.
import { writeFileSync } from "node:fs";
import { generatedDocs } from "./generatedDocs.js";

for (const [path, content] of Object.entries(generatedDocs())) {
  writeFileSync(new URL(`../${path}`, import.meta.url), content);
  console.log(`wrote ${path}`);
}
