import { z } from "zod";
import type { FieldSpec } from "./field-spec.js";
import type { KindSpec } from "./record-kinds.js";

const id = z.string().min(1);
const markdownItems = z.array(z.string());

/** The zod schema of one field's value once read (after key-value and table strings are coerced). */
export function fieldSchema(spec: FieldSpec): z.ZodType {
  const base = ((): z.ZodType => {
    switch (spec.type) {
      case "string":
      case "lines":
        return z.string().min(1, "must not be empty");
      case "integer":
        return z.int().min(0);
      case "number":
        return z.number().min(0);
      case "duration":
        return z.union([z.number().positive(), z.string().regex(/^\d+(\.\d+)?\s*-\s*\d+(\.\d+)?$/, "expected a number of days or a range like `1-2`")]);
      case "date":
        return z.iso.date("expected a date like 2025-10-16");
      case "enum":
        return z.enum(spec.values as [string, ...string[]]);
      case "list":
        return z.array(id);
      case "text":
        return z.string();
      case "items":
        return markdownItems;
      case "table":
        return z.array(z.record(z.string(), z.string()));
      case "kv":
        return z.array(z.object({ key: z.string(), value: z.string() }));
      case "subsections":
        return z.array(z.object({ title: z.string(), body: z.string() }).loose());
      case "text-or-items":
      case "consequences":
        return z.union([z.string(), markdownItems, z.object({ text: z.string() }).loose()]);
      case "wave-set":
        return z.union([z.literal("all"), z.array(z.int().positive())]);
      case "wave-list":
        return z.array(z.int().min(0)).min(1, "name at least one wave");
    }
  })();
  return base.describe(spec.description);
}

/** The schema of a record kind's front matter, for JSON Schema export: every field optional there, unknown keys allowed. */
export function frontMatterSchema(kind: KindSpec): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const field of kind.fields) {
    shape[field.name] = fieldSchema(field).optional();
    for (const alias of field.aliases ?? []) shape[alias] = fieldSchema(field).optional().describe(`Alias of \`${field.name}\`.`);
  }
  return z.looseObject(shape).describe(`Front matter of a paraplan ${kind.kind} record.`);
}
