import { describe, expect, it } from "vitest";
import { forEachConcurrently, mapConcurrently } from "../../src/io/concurrently.js";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("mapConcurrently", () => {
  it("keeps the order of the items and never runs more than the limit at once", async () => {
    let running = 0;
    let most = 0;
    const results = await mapConcurrently([5, 1, 4, 2, 3], 2, async (n) => {
      most = Math.max(most, ++running);
      await tick(n);
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(most).toBe(2);
  });
});

describe("forEachConcurrently", () => {
  it("pulls a lazy source only as calls finish: never more than the limit ahead", async () => {
    let pulled = 0;
    let done = 0;
    let ahead = 0;
    function* source() {
      for (let i = 0; i < 10; i++) {
        pulled++;
        ahead = Math.max(ahead, pulled - done);
        yield i;
      }
    }
    await forEachConcurrently(source(), 3, async () => {
      await tick(2);
      done++;
    });
    expect([pulled, done, ahead]).toEqual([10, 10, 3]);
  });

  it("rejects with the first failure, the source's or a call's, only once no call is left running", async () => {
    const finished: number[] = [];
    function* failing() {
      yield 1;
      yield 2;
      throw new Error("source failed");
    }
    const run = forEachConcurrently(failing(), 4, async (n) => {
      await tick(20 * n);
      finished.push(n);
    });
    await expect(run).rejects.toThrow("source failed");
    expect(finished).toEqual([1, 2]);

    await expect(
      forEachConcurrently([1, 2, 3], 2, async (n) => {
        await tick(n);
        if (n === 1) throw new Error("call failed");
      }),
    ).rejects.toThrow("call failed");
  });
});
