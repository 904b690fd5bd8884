import { plural } from "../diagnostics/plural.js";

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
  /** `{{cell x}}`: text for one table cell, pipes escaped and line breaks folded into spaces. */
  hb.registerHelper("cell", (value: unknown) => cell(value));
  /** `{{code x}}`: text as inline code, with a fence longer than any backtick run inside it. */
  hb.registerHelper("code", (value: unknown) => code(value));
  /** `{{join list ", "}}`: a list's entries joined by a separator (a comma and a space when none is given). */
  hb.registerHelper("join", (list: unknown, separator: unknown) => (Array.isArray(list) ? list.map(String).join(typeof separator === "string" ? separator : ", ") : ""));
  /** `{{#if (eq a b)}}`: true when two values are the same. */
  hb.registerHelper("eq", (a: unknown, b: unknown) => a === b);
  /** `{{plural n "day"}}`: a count and a word, with an `s` unless the count is 1 (`3 days`). */
  hb.registerHelper("plural", (count: unknown, word: unknown) => plural(Number(count), String(word)));
}
