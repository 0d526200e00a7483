/** The functions' memo: call keys (one per distinct argument list) and the generational, memory-bounded store. */
import fc from "fast-check";
import { Dimension } from "../../src/core/dimension";
import type { IomError } from "../../src/core/errors";
import { CallMemo, approxBytes, callKey, type MemoArg } from "../../src/core/memo";

/** What a key must tell apart: arguments up to the last given one, null and undefined being one omitted argument. */
const canonical = (args: readonly MemoArg[]): string => {
  let given = args.length;
  while (given > 0 && (args[given - 1] === null || args[given - 1] === undefined)) given--;
  return JSON.stringify(
    args
      .slice(0, given)
      .map((a) =>
        a === null || a === undefined
          ? ["omitted"]
          : typeof a === "number"
            ? ["number", Object.is(a, -0) ? "-0" : String(a)]
            : [typeof a, a],
      ),
  );
};

const key = (args: readonly MemoArg[]): string | undefined =>
  callKey("F", args[0], args[1], args[2], args[3], args[4], args[5], args[6]);

describe("callKey", () => {
  it("gives two argument lists one key exactly when they are the same call", () => {
    // Short strings over a few characters, so that different lists often look alike once joined.
    const text = fc.string({ unit: fc.constantFrom("1", ":", "_", "n", ";", "t", "f", "a"), maxLength: 4 });
    const value = fc.oneof(
      text,
      fc.constantFrom<MemoArg>(null, undefined, "", 0, -0, 1, 11, NaN, Infinity, true, false, "true", "1"),
      fc.double(),
    );
    const list = fc.array(value, { maxLength: 7 });
    fc.assert(
      fc.property(list, list, (a, b) => {
        expect(key(a) === key(b)).toBe(canonical(a) === canonical(b));
      }),
      { numRuns: 5_000 },
    );
  });

  it("drops omitted arguments at the end, keeps those before a given one, and names the function", () => {
    expect(key(["P-4", "F", null, undefined])).toBe(key(["P-4", "F"]));
    expect(key([null, "F"])).not.toBe(key(["F"]));
    expect(callKey("STAFF", "P-4")).not.toBe(callKey("MIGRANTS", "P-4"));
  });

  it("declines what is not worth keeping: over-long text and objects", () => {
    expect(key(["x".repeat(257)])).toBeUndefined();
    expect(key(["x".repeat(256)])).toBeDefined();
    expect(key([{} as unknown as MemoArg])).toBeUndefined();
  });
});

describe("CallMemo", () => {
  it("computes once per key, and every time for an undefined key", () => {
    const m = new CallMemo<number>();
    const f = jest.fn(() => 42);
    expect(m.through("a", f)).toBe(42);
    expect(m.through("a", f)).toBe(42);
    expect(f).toHaveBeenCalledTimes(1);
    m.through(undefined, f);
    m.through(undefined, f);
    expect(f).toHaveBeenCalledTimes(3);
  });

  it("stays within its budget however many distinct calls come, and keeps what is in use", () => {
    // Each entry weighs 100 bytes besides its key: a budget of 100 kB holds about 600 of them.
    const m = new CallMemo<string>({ budgetBytes: 100_000, weigh: () => 100 });
    const hot = jest.fn(() => "hot");
    for (let i = 0; i < 50_000; i++) {
      m.through(`cold ${i}`, () => `v${i}`);
      if (i % 100 === 0) expect(m.through("hot", hot)).toBe("hot");
    }
    expect(hot).toHaveBeenCalledTimes(1); // never dropped: each turnover moved it back to the young generation
    expect(m.size).toBeLessThan(1_000);
    expect(m.size).toBeGreaterThan(200); // the last generations stay: no wipe
  });

  it("has no cliff: more than 10,000 distinct argument values are all kept and found again", () => {
    const m = new CallMemo<number>();
    let computed = 0;
    let wrong = 0;
    for (let pass = 0; pass < 2; pass++)
      for (let i = 0; i < 20_000; i++)
        if (m.through(callKey("F", `value ${i}`, i), () => (computed++, i)) !== i) wrong++;
    expect(wrong).toBe(0);
    expect(computed).toBe(20_000);
  });

  it("forgets everything on clear()", () => {
    const m = new CallMemo<number>();
    m.set("a", 1);
    m.clear();
    expect(m.get("a")).toBeUndefined();
    expect(m.size).toBe(0);
  });
});

describe("approxBytes", () => {
  it("counts text, boxed numbers and containers, not small integers", () => {
    expect(approxBytes(5)).toBe(0);
    expect(approxBytes(0.5)).toBeGreaterThan(0);
    expect(approxBytes("abcd")).toBeGreaterThan(approxBytes("ab"));
    expect(approxBytes({ a: ["x", "y"] })).toBeGreaterThan(approxBytes(["x", "y"]));
  });
});

describe("suggestions for a misspelt name", () => {
  it("are ranked once per distinct name, however it is spelt and however many calls carry it", () => {
    const d = new Dimension("place", [
      { name: "France", value: 1 },
      { name: "Finland", value: 2 },
    ]);
    const first = d.suggest("Frnce");
    expect(first).toEqual(["France"]);
    expect(d.suggest(" FRNCE")).toBe(first); // the same normalised name: the list ranked before
    let thrown: unknown;
    try {
      d.resolve("frnce");
    } catch (e) {
      thrown = e;
    }
    expect((thrown as IomError).suggestions).toBe(first);
  });
});
