import { describe, expect, it } from "vitest";
import { memoPerConnection } from "@/db/memo";

describe("caches of derived values", () => {
  it("are bounded by the bytes their entries are estimated at, the least recently used going first", () => {
    const memo = memoPerConnection<string, number[]>({ maxBytes: 1000, sizeOf: (v) => v.length * 100 });
    const connection = {};
    const cache = memo(connection);
    cache.set("a", [1, 2, 3]); // 300
    cache.set("b", [1, 2, 3, 4]); // 700 in all
    expect(cache.get("a")).toEqual([1, 2, 3]); // "a" is now the more recently used
    cache.set("c", [1, 2, 3, 4, 5]); // 1,200 would pass the bound: "b" goes
    expect([...cache.keys()].sort()).toEqual(["a", "c"]);
    expect(cache.calculatedSize).toBeLessThanOrEqual(1000);
    // One entry larger than the whole bound is not kept at all, rather than emptying the cache for it.
    cache.set(
      "huge",
      Array.from({ length: 20 }, () => 0),
    );
    expect(cache.has("huge")).toBe(false);
    expect(cache.has("c")).toBe(true);
  });

  it("are kept per connection", () => {
    const memo = memoPerConnection<string, number>({ maxBytes: 100, sizeOf: () => 1 });
    const [one, two] = [{}, {}];
    memo(one).set("k", 1);
    expect(memo(two).has("k")).toBe(false);
    expect(memo(one).get("k")).toBe(1);
  });
});
