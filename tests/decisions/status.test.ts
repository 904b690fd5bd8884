import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readDate } from "../../src/model/decision-date.js";
import { readLinkPhrase } from "../../src/model/decision-link-phrase.js";
import { decisionRefKeys, numberFromStem } from "../../src/model/decision-ref.js";
import { mapDecisionStatus, mapStatusWord, readStatus } from "../../src/model/decision-status.js";
import { DECISION_STATUSES } from "../../src/schema/record-kinds.js";

const at = { file: "x.md", start: { line: 5, column: 1, offset: 40 }, end: { line: 5, column: 1, offset: 40 } };
const parts = (...lines: string[]) => lines.map((value, i) => ({ value, at: { ...at, start: { line: 5 + i, column: 1 }, end: { line: 5 + i, column: 1 } } }));

describe("status words", () => {
  it.each([
    ["Accepted", "accepted"],
    ["ACCEPTED", "accepted"],
    ["✅ Accepted", "accepted"],
    ["Accepted ✅", "accepted"],
    ["**Accepted**", "accepted"],
    ["Approved", "accepted"],
    ["Implemented", "accepted"],
    ["Partly superseded", "accepted"],
    ["Proposed", "proposed"],
    ["Pending", "proposed"],
    ["Draft", "proposed"],
    ["In Review", "proposed"],
    ["on hold", "proposed"],
    ["Rejected", "rejected"],
    ["Declined", "rejected"],
    ["Deprecated", "deprecated"],
    ["Obsolete", "deprecated"],
    ["Superseded", "superseded"],
    ["Superceded", "superseded"],
    ["提议", "proposed"],
    ["通过", "accepted"],
    ["完成", "accepted"],
    ["已弃用", "deprecated"],
    ["已取代", "superseded"],
  ])("`%s` is %s", (written, status) => {
    expect(mapStatusWord(written)).toBe(status);
    expect(mapDecisionStatus(written).status).toBe(status);
  });

  it("leaves words it does not know unmapped", () => {
    for (const written of ["under discussion", "maybe later", "", "TBD"]) expect(mapStatusWord(written)).toBeUndefined();
  });

  it("maps a standard status however it is decorated: case, emoji, bold, punctuation", () => {
    const decoration = fc.constantFrom("", "✅ ", "❌ ", "🚧 ", "**", "_", "> ");
    fc.assert(
      fc.property(fc.constantFrom(...DECISION_STATUSES), fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), decoration, fc.constantFrom("", ".", "!", " ✅"), (status, upper, before, after) => {
        const cased = [...status].map((c, i) => (upper[i % upper.length] ? c.toUpperCase() : c)).join("");
        expect(mapStatusWord(`${before}${cased}${before.trim() === "**" ? "**" : ""}${after}`)).toBe(status);
      }),
    );
  });
});

describe("reading a status section", () => {
  it("keeps `Accepted` as the status and reads `Amended by […](…)` as a link, not as status", () => {
    const reading = readStatus(parts("Accepted", "Amended by [9. Help scripts](0009-help-scripts.md)"));
    expect(reading).toMatchObject({ status: "accepted", text: "Accepted" });
    expect(reading.links.map((l) => [l.phrase.relation, l.phrase.target, l.phrase.label, l.at.start.line, l.at.start.column])).toEqual([
      ["amended-by", "0009-help-scripts.md", "9. Help scripts", 6, 12],
    ]);
  });

  it("reads `Superseded by […](…)` as both the status and a link, and the misspelling `Superceded`", () => {
    for (const word of ["Superseded by", "Superceded by", "superseded by"]) {
      const reading = readStatus(parts(`${word} [DNS Infrastructure](0015-dns-infrastructure.md)`));
      expect(reading.status).toBe("superseded");
      expect(reading.text).toBe(`${word} [DNS Infrastructure](0015-dns-infrastructure.md)`);
      expect(reading.links.map((l) => [l.phrase.relation, l.phrase.target])).toEqual([["superseded-by", "0015-dns-infrastructure.md"]]);
    }
  });

  it("reads `Supercedes` and `Supersedes` lines as links", () => {
    const reading = readStatus(parts("Accepted", "Supercedes [1. Old](0001-old.md)"));
    expect(reading).toMatchObject({ status: "accepted", text: "Accepted" });
    expect(reading.links.map((l) => l.phrase.relation)).toEqual(["supersedes"]);
  });

  it("splits a one-line status at `;`: `accepted; supersedes ADR-0045`", () => {
    const reading = readStatus(parts("accepted; supersedes ADR-0045"));
    expect(reading).toMatchObject({ status: "accepted", text: "accepted; supersedes ADR-0045" });
    expect(reading.links.map((l) => [l.phrase.relation, l.phrase.target, l.at.start.column])).toEqual([["supersedes", "ADR-0045", 22]]);
  });

  it("takes the last entry of a dated history as the current status, and skips the legend of allowed values", () => {
    expect(readStatus(parts("2017-11-22 提议", "2017-11-26 完成"))).toMatchObject({ status: "accepted", text: "2017-11-22 提议 | 2017-11-26 完成" });
    expect(readStatus(parts("列表：提议/通过/完成/已弃用/已取代", "2017-12-01 提议")).status).toBe("proposed");
    expect(readStatus(parts("proposed/accepted/rejected/deprecated", "accepted")).status).toBe("accepted");
    expect(readStatus(parts("Accepted", "Superseded by [2. New](0002-new.md)")).status).toBe("superseded");
  });

  it("has no status when no line says one; the text is kept", () => {
    expect(readStatus(parts("maybe later"))).toEqual({ text: "maybe later", links: [] });
  });
});

describe("link lines", () => {
  it.each([
    ["Amends [5. Help comments](0005-help-comments.md)", "amends", "0005-help-comments.md"],
    ["Relates to ADR-0007", "relates-to", "ADR-0007"],
    ["Related to [ADR-0001](0001-use-crowdin-for-translations.md).", "relates-to", "0001-use-crowdin-for-translations.md"],
    ["Supersedes [20200926-use-numbers](20200926-use-numbers.md)", "supersedes", "20200926-use-numbers.md"],
    ["Superseded by 3", "superseded-by", "3"],
    ["**Superseded by [ADR-0057](0057-x.md)**", "superseded-by", "0057-x.md"],
    ["Clarified by [4. Scope](0004-scope.md)", "clarified-by", "0004-scope.md"],
  ])("`%s` is %s %s", (line, relation, target) => {
    expect(readLinkPhrase(line)).toMatchObject({ relation, target });
  });

  it.each([
    "Accepted",
    "Pending 2018",
    "See <https://example.com>",
    "[Curated list](https://www.staticgen.com/) used to compare them",
    "This decision is superseded by [ADR-0057](0057-x.md) for most uses",
    "Implementation [PR 123](https://github.com/x/y/pull/123)",
  ])("`%s` is no link", (line) => {
    expect(readLinkPhrase(line)).toBeUndefined();
  });
});

describe("references to ADRs", () => {
  it("match numbers in any form, file names, and links to them", () => {
    expect(decisionRefKeys("3")).toEqual(["number:3"]);
    expect(decisionRefKeys("ADR-0003")).toEqual(["number:3"]);
    expect(decisionRefKeys("#3")).toEqual(["number:3"]);
    expect(decisionRefKeys("0003-use-x.md")).toEqual(["stem:0003-use-x", "number:3"]);
    expect(decisionRefKeys("[3. Use X](../adr/0003-use-x.md#status)")).toEqual(["stem:0003-use-x", "number:3"]);
    expect(decisionRefKeys("20201016-use-the-adr-slug")).toEqual(["stem:20201016-use-the-adr-slug"]);
    expect(decisionRefKeys("https://github.com/adr/madr/blob/develop/docs/decisions/0001-x.md")).toEqual([]);
  });

  it("take a number from a file name, but not a log4brains date", () => {
    expect([numberFromStem("0003-use-x"), numberFromStem("adr-012-x"), numberFromStem("20201016-use-slugs"), numberFromStem("use-x")]).toEqual([3, 12, undefined, undefined]);
  });
});

describe("dates", () => {
  it.each([
    ["2016-02-12", "2016-02-12"],
    ["2017/11/22", "2017-11-22"],
    ["2017-1-5", "2017-01-05"],
    ["12.02.2016", "2016-02-12"],
    ["13/12/2022", "2022-12-13"],
    ["12/13/2022", "2022-12-13"],
    ["12 February 2016", "2016-02-12"],
    ["Feb 12, 2016", "2016-02-12"],
    ["2020-09-24T10:00:00Z", "2020-09-24"],
  ])("`%s` is %s", (written, iso) => {
    expect(readDate(written)).toEqual({ iso });
  });

  it("says why a date is not one: not a day, ambiguous, or no date at all", () => {
    expect(readDate("2017-02-30")).toEqual({ problem: "invalid", reason: "`2017-02-30` is not a day of the calendar" });
    expect(readDate("7/12/2022")).toEqual({ problem: "ambiguous", reason: "`7/12/2022` may be 2022-07-12 or 2022-12-07" });
    expect(readDate("TBD")).toEqual({ problem: "invalid", reason: "`TBD` is not a date" });
  });
});
