import { describe, expect, it } from "vitest";
import { editDistance, suggest } from "../../src/parse/suggest.js";

describe("suggest", () => {
  it("counts insertions, deletions, substitutions and swapped neighbours as one edit each", () => {
    expect(editDistance("", "")).toBe(0);
    expect(editDistance("days", "days")).toBe(0);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("depnds_on", "depends_on")).toBe(1);
    expect(editDistance("dayz", "days")).toBe(1);
    expect(editDistance("nmae", "name")).toBe(1);
    expect(editDistance("pyhton-pro", "python-pro")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
  });

  it("proposes the nearest known name when it is close enough to be a typo", () => {
    expect(suggest("depnds_on", ["depends_on", "soft_depends_on"])).toBe("depends_on");
    expect(suggest("nmae", ["id", "name"])).toBe("name");
    expect(suggest("critcal", ["critical", "high"])).toBe("critical");
  });

  it("proposes nothing for exact names, very short names, or names too far off", () => {
    expect(suggest("name", ["name"])).toBeUndefined();
    expect(suggest("R2", ["R1"])).toBeUndefined();
    expect(suggest("owner", ["owns"])).toBeUndefined();
    expect(suggest("frontend-dev", ["python-pro", "backend-architect"])).toBeUndefined();
  });
});
