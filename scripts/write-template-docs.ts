// Writes docs/templates.md from the code (see scripts/template-docs.ts).
import { writeFile } from "node:fs/promises";
import { templateDocs } from "./template-docs.js";

await writeFile("docs/templates.md", templateDocs(process.cwd()));
console.log("wrote docs/templates.md");
