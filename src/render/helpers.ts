type HandlebarsEnv = typeof import("handlebars");

/** A view-model value as text: view models hold strings and numbers, never objects. */
function text(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : "";
}

/** Escapes text for one GFM table cell: pipes escaped, line breaks folded into spaces. */
export function cell(value: unknown): string {
  return text(value)
    .replace(/\r?\n+/g, " ")
    .replace(/\|/g, "\\|")
    .trim();
}

/** Wraps text in inline code, with a fence longer than any backtick run inside it. */
export function code(value: unknown): string {
  const content = text(value);
  const longest = Math.max(0, ...(content.match(/`+/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  const pad = content.startsWith("`") || content.endsWith("`") ? " " : "";
  return `${fence}${pad}${content}${pad}${fence}`;
}

/** The few helpers templates need: presentation only, nothing computed. */
export function registerHelpers(hb: HandlebarsEnv): void {
  hb.registerHelper("cell", (value: unknown) => cell(value));
  hb.registerHelper("code", (value: unknown) => code(value));
  hb.registerHelper("join", (list: unknown, separator: unknown) => (Array.isArray(list) ? list.map(String).join(typeof separator === "string" ? separator : ", ") : ""));
  hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  hb.registerHelper("plural", (count: unknown, word: unknown) => {
    const n = Number(count);
    return `${n} ${String(word)}${n === 1 ? "" : "s"}`;
  });
}
