import { CallMemo } from "../../src/core/memo";

describe("CallMemo", () => {
  it("computes once per distinct argument list, null and undefined being one omitted argument", () => {
    const m = new CallMemo<string>();
    const f = jest.fn((a: unknown, b: unknown, c: unknown) => `${String(a)}|${String(b)}|${String(c)}`);
    const call = (a: unknown, b: unknown, c: unknown): string =>
      m.call(f as (a: unknown, b: unknown, c: unknown) => string, 3, a as string, b as string, c as string);
    expect(call("P-4", "F", null)).toBe("P-4|F|null");
    expect(call("P-4", "F", undefined)).toBe("P-4|F|null"); // remembered: the same omitted argument
    expect(f).toHaveBeenCalledTimes(1);
    // Omitted arguments in other places, and values of other types, are other calls.
    for (const args of [
      ["P-4", null, "F"],
      [null, "P-4", "F"],
      ["P-4", null, null],
      [null, null, null],
      [4, "F", null],
      ["4", "F", null],
      [true, "F", null],
      ["TRUE", "F", null],
    ])
      call(args[0], args[1], args[2]);
    expect(f).toHaveBeenCalledTimes(9);
  });

  it("keeps the argument count in the key: [a] and [a, null] are different calls", () => {
    const m = new CallMemo<number>();
    let n = 0;
    expect(m.get(["x"], () => ++n)).toBe(1);
    expect(m.get(["x", null], () => ++n)).toBe(2);
    expect(m.get([null, "x"], () => ++n)).toBe(3);
    expect(m.get(["x"], () => ++n)).toBe(1);
  });

  it("remembers errors it is told are answers, and rethrows others every time", () => {
    const m = new CallMemo<number>(1000, (e) => e instanceof RangeError);
    const answer = jest.fn(() => {
      throw new RangeError("no such name");
    });
    expect(() => m.get(["a"], answer)).toThrow(RangeError);
    expect(() => m.get(["a"], answer)).toThrow(RangeError);
    expect(answer).toHaveBeenCalledTimes(1);
    const accident = jest.fn(() => {
      throw new TypeError("bug");
    });
    expect(() => m.get(["b"], accident)).toThrow(TypeError);
    expect(() => m.get(["b"], accident)).toThrow(TypeError);
    expect(accident).toHaveBeenCalledTimes(2);
  });

  it("packs up to four given arguments into a number and five into text, without mixing them up", () => {
    const m = new CallMemo<string>();
    const seen = new Set<string>();
    const lists = [
      ["a", "b", "c", "d", "e"],
      ["a", "b", "c", "d", null],
      ["a", "b", "c", null, "e"],
      [null, "b", "c", "d", "e"],
      ["e", "d", "c", "b", "a"],
    ];
    for (const l of lists) seen.add(m.get(l, () => l.join(",")));
    for (const l of lists) expect(m.get(l, () => "recomputed")).toBe(l.join(","));
    expect(seen.size).toBe(lists.length);
  });

  it("computes without keeping a call with a very long argument", () => {
    const m = new CallMemo<number>();
    const long = "x".repeat(10_000);
    let n = 0;
    m.get([long], () => ++n);
    m.get([long], () => ++n);
    expect(n).toBe(2);
  });

  it("starts afresh past its limit, answering correctly throughout", () => {
    const m = new CallMemo<number>(10);
    for (let round = 0; round < 3; round++)
      for (let i = 0; i < 25; i++) expect(m.get([`k${i}`], () => i * 2)).toBe(i * 2);
  });

  it("stays correct when more distinct argument values come than it has ids for", () => {
    const m = new CallMemo<number>();
    for (let i = 0; i < 10_000; i++) expect(m.get([`value ${i}`], () => i)).toBe(i);
    // Values seen before the ids ran out are computed again, never confused with new ones.
    for (let i = 0; i < 10_000; i += 997) expect(m.get([`value ${i}`], () => i)).toBe(i);
  });
});
