/**
 * `import decisions --renumber`: the links between imported ADRs, rewritten when some of them get new numbers (and so
 * new file names). Only references to a renamed file or a renumbered ADR change; every other byte is kept.
 */

/** How the imported files move: old file stem to new one, old ADR number to new one. */
export interface Renumbering {
  /** Lower-cased old stems (`0003-use-x`) to new stems (`0012-use-x`). */
  stems: ReadonlyMap<string, string>;
  /** Old numbers to new ones, of the files renumbered. */
  numbers: ReadonlyMap<number, number>;
}

// Front matter or key-value fields that name other ADRs.
const LINK_FIELD = /^(\s*(?:["']?)(?:supersedes|superseded[ _-]by|amends|amended[ _-]by|relates[ _-]to)(?:["']?)\s*:)(.*)$/i;
const KEY_LINE = /^\s*["']?[\w -]+["']?\s*:/;
const LIST_ITEM = /^\s*-\s/;

/** Digits for a new number written where `old` was: as wide as before when it was zero-padded. */
function digits(old: string, n: number): string {
  return old.length > 1 && old.startsWith("0") ? String(n).padStart(old.length, "0") : String(n);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Bare numbers in a field's value (`3`, `[3, 4]`, `0003`, `ADR-3`) renumbered. */
function renumberValue(value: string, numbers: ReadonlyMap<number, number>): string {
  return value.replace(/(?<![\w.-])((?:adr[-_ ]?)?)(\d+)(?![\w.-])/gi, (whole, prefix: string, n: string) => {
    const to = numbers.get(Number(n));
    return to === undefined ? whole : `${prefix}${digits(n, to)}`;
  });
}

/**
 * The text of one imported file with its links to renamed or renumbered files rewritten: Markdown links and bare names
 * (`0003-use-x.md`), `ADR-0003`/`ADR-3`, and the numbers of link fields (`supersedes: 3`). `own` renumbers the file
 * itself: its title `# 3. …` and its `number:` field.
 */
export function renumberText(text: string, moves: Renumbering, own?: { from: number; to: number }): string {
  // The number in a link's text to a renumbered file (`[3. Use X](0003-use-x.md)`, as adr-tools writes them).
  text = text.replace(/\[(\d+)(?=\.)([^\]\n]*)\]\(([^)\n]*)\)/g, (whole, n: string, rest: string, target: string) => {
    const to = moves.numbers.get(Number(n));
    const stem = (
      target
        .trim()
        .replace(/^<|>$/g, "")
        .replace(/[#?].*$/s, "")
        .split("/")
        .pop() ?? ""
    )
      .replace(/\.(md|markdown)$/i, "")
      .toLowerCase();
    return to !== undefined && moves.stems.has(stem) ? `[${digits(n, to)}${rest}](${target})` : whole;
  });
  const stems = [...moves.stems.keys()].sort((a, b) => b.length - a.length).map(escape);
  const names = stems.length > 0 ? `(?<![\\w.-])(${stems.join("|")})(?![\\w-])` : "(?!)";
  const pattern = new RegExp(`${names}|\\b(adr[-_ ]?)(\\d+)\\b`, "gi");
  let out = text.replace(pattern, (whole, stem: string | undefined, prefix: string | undefined, n: string | undefined) => {
    if (stem !== undefined) return moves.stems.get(stem.toLowerCase()) ?? whole;
    const to = moves.numbers.get(Number(n));
    return to === undefined ? whole : `${prefix}${digits(n!, to)}`;
  });
  // Link fields, and the items of a list under one (`supersedes:` then `  - 3`).
  const lines = out.split(/(?<=\n)/);
  let inField = false;
  for (const [i, line] of lines.entries()) {
    const field = LINK_FIELD.exec(line.replace(/\r?\n$/, ""));
    if (field) {
      lines[i] = field[1]! + renumberValue(field[2]!, moves.numbers) + line.slice(field[0].length);
      inField = true;
    } else if (inField && LIST_ITEM.test(line)) lines[i] = renumberValue(line, moves.numbers);
    else if (KEY_LINE.test(line) || line.trim() !== "") inField = false;
  }
  out = lines.join("");
  if (own) {
    // The ADR's own number: the first `# 3. Title` heading and a `number:` field.
    out = out.replace(/^(#[ \t]+)(\d+)(?=\.)/m, (whole, hash: string, n: string) => (Number(n) === own.from ? `${hash}${digits(n, own.to)}` : whole));
    out = out.replace(/^(number[ \t]*:[ \t]*["']?)(\d+)/im, (whole, key: string, n: string) => (Number(n) === own.from ? `${key}${digits(n, own.to)}` : whole));
  }
  return out;
}
