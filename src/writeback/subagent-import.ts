/**
 * A Claude Code subagent file (`.claude/agents/<name>.md`: front matter `name`, `description`, `tools`, `model`, then
 * the subagent's prompt) as a request for a new agent record, so `paraplan import agents` creates it with the same
 * code as `paraplan new agent`.
 */
import { parse } from "yaml";
import type { NewRecordRequest } from "./new-record.js";

/** The request for one subagent file, or why the file is not one. */
export function subagentRequest(text: string, stem: string, today: string): NewRecordRequest | { problem: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { problem: "it has no front matter (a subagent file starts with `---`)" };
  let fields: unknown;
  try {
    fields = parse(match[1]!);
  } catch (error) {
    return { problem: `its front matter is not YAML (${(error as Error).message.split("\n")[0]})` };
  }
  if (typeof fields !== "object" || fields === null || Array.isArray(fields)) return { problem: "its front matter is not a mapping" };
  const record = fields as Record<string, unknown>;
  const name = typeof record.name === "string" && record.name.trim() !== "" ? record.name.trim() : stem;
  const given: { name: string; value: string }[] = [];
  if (typeof record.description === "string" && record.description.trim() !== "") given.push({ name: "description", value: record.description.replace(/\s+/g, " ").trim() });
  const tools = Array.isArray(record.tools) ? record.tools.map(String).join(", ") : typeof record.tools === "string" ? record.tools.trim() : "";
  if (tools !== "") given.push({ name: "tools", value: tools });
  if (typeof record.model === "string" && record.model.trim() !== "") given.push({ name: "model", value: record.model.trim() });
  const body = demoteHeadings(text.slice(match[0].length)).trim();
  return { kind: "agent", title: titleOf(name), id: name, fields: given, today, ...(body !== "" ? { bodies: { role: body } } : {}) };
}

/** `python-pro` → `Python Pro`: the persona's display name from its id. */
function titleOf(name: string): string {
  return name
    .split(/[-_\s]+/)
    .filter((word) => word !== "")
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(" ");
}

/** Headings two levels down (`#` → `###`), outside code blocks: the prompt goes under the record's `## Role`, whose sections must stay its own. */
function demoteHeadings(markdown: string): string {
  let fence: string | undefined;
  return markdown
    .split("\n")
    .map((line) => {
      const opener = /^ {0,3}(`{3,}|~{3,})/.exec(line);
      if (opener) {
        if (fence === undefined) fence = opener[1]![0]!.repeat(opener[1]!.length);
        else if (opener[1]!.startsWith(fence)) fence = undefined;
        return line;
      }
      if (fence !== undefined) return line;
      const heading = /^ {0,3}(#{1,6})(\s)/.exec(line);
      return heading ? `${"#".repeat(Math.min(6, heading[1]!.length + 2))}${line.slice(heading[0].length - 1)}` : line;
    })
    .join("\n");
}
