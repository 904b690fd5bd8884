/** A field's name as a heading or a key-value key: `superseded_by` → `Superseded By`. */
export function displayName(name: string): string {
  return name
    .split("_")
    .filter((w) => w !== "")
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join(" ");
}
