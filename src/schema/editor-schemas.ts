import { KINDS } from "./record-kinds.js";

/**
 * The `yaml.schemas` setting of VS Code's YAML extension (and of yaml-language-server in other editors) that maps each
 * record kind's files to its JSON Schema under `schemas/`: schema path → file globs, paths as given (POSIX).
 */
export function yamlSchemaMap(schemasDir: string, planDir: string): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const kind of KINDS) {
    const base = `${planDir}/${kind.collection}`;
    // A collection may be one file (`waves.md`, a table) or a folder of records.
    map[`${schemasDir}/${kind.kind}.schema.json`] = kind.single ? [`${base}.md`] : [`${base}.md`, `${base}/**/*.md`];
  }
  return map;
}
