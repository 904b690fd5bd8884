/** The delivery record: the prompt's stamp, concurrent deliveries, a broken file (#20). */
import { mkdtemp, readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { promptStamp, readDeliveryRecord, recordDelivery } from "../../src/git/record-delivery.js";
import { parseDeliveryRecord } from "../../src/model/delivery-record.js";
import { contentHash, withHeader } from "../../src/render/generated-header.js";
import { demoRepository } from "./git-project.js";

describe("the delivery record", () => {
  it("stamps a prompt with the hash of its content, whether or not it carries its header", () => {
    const body = "# TD3: Report\n\nDo the report.\n";
    const stamp = `sha256:${contentHash(body)}`;
    expect(promptStamp(withHeader(body))).toBe(stamp);
    expect(promptStamp(body)).toBe(stamp);
    expect(promptStamp(body.replace("report", "reports"))).not.toBe(stamp);
  });

  it("records deliveries made at once, each of them, and leaves no lock behind", async () => {
    const { root, first } = await demoRepository("paraplan-delivery-");
    const source = { planDir: path.join(root, "plan"), root };
    const ids = ["WS3", "TD1", "WS2", "TD3", "WS1", "TD2"];
    await Promise.all(ids.map((id) => recordDelivery(source, id, `# ${id}\n`, new Date("2026-12-06T05:00:00.123Z"))));
    const text = await readFile(path.join(root, "plan", ".paraplan", "delivered.json"), "utf8");
    const record = parseDeliveryRecord(text);
    expect(Object.keys(record.workstreams)).toEqual([...ids].sort());
    expect(record.workstreams.TD3).toEqual({ commit: first, dirty: false, prompt: promptStamp("# TD3\n"), at: "2026-12-06T05:00:00Z" });
    expect(await readdir(path.join(root, "plan", ".paraplan"))).toEqual(["delivered.json"]);
  });

  it("records no commit outside git, and says what is wrong with a broken record", async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), "paraplan-delivery-nogit-"));
    await mkdir(path.join(root, "plan"));
    const delivery = await recordDelivery({ planDir: path.join(root, "plan"), root }, "TD1", "# TD1\n");
    expect(delivery).toMatchObject({ commit: null, dirty: true });
    await writeFile(path.join(root, "plan", ".paraplan", "delivered.json"), '{"version": 1, "workstreams": {"TD1": {"commit": 3}}}\n');
    await expect(readDeliveryRecord(path.join(root, "plan"))).rejects.toThrow(".paraplan/delivered.json in the plan folder cannot be read: the delivery of `TD1` lacks commit, dirty, prompt or at");
  });
});
