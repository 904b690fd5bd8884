import type { Location } from "../diagnostics/diagnostic.js";
import type { Fields } from "./checked-fields.js";

/**
 * Where a piece of a record's prose starts in its file, so that a problem found inside the text
 * (a sentence whose figures the schedule contradicts) can point at the sentence itself.
 */
export interface ProseAt {
  /** `exact`: the text's first character is at `at.start`. Otherwise `at` is the field as written (a YAML value may be quoted or folded). */
  at: Location;
  exact: boolean;
  /** Spaces taken off each continuation line of a list item's Markdown (its indentation under the bullet); 0 for a section's text. */
  indent: number;
}

/** Positions of text fields (one each) and list fields (one per entry, in the model's order), by field name. */
export type ProseMap = Record<string, ProseAt[]>;

/** The source positions of the named text and list fields of a record, for positions inside their text. */
export function proseAt(f: Fields, names: readonly string[]): ProseMap {
  const map: ProseMap = {};
  for (const name of names) {
    const checked = f.raw(name);
    if (!checked) continue;
    const { field } = checked;
    if (Array.isArray(checked.value)) {
      // A list from a `##` section keeps each item's text position; one from YAML only the entry's.
      map[name] = (field.items ?? []).map((item) => (item.textAt ? { at: item.textAt, exact: true, indent: item.textAt.start.column - 1 } : { at: item.at, exact: false, indent: 0 }));
    } else {
      map[name] = [field.bodyAt ? { at: field.bodyAt, exact: true, indent: 0 } : { at: field.at, exact: false, indent: 0 }];
    }
  }
  return map;
}
