import fc from "fast-check";
import { dayFromYMD } from "../../src/engine/dates";
import { Rng, apportion } from "../../src/samples/prng";
import {
  LICHENG_REGION,
  idBirth,
  idCheckChar,
  idSex,
  isValidIdCard,
  makeIdCard,
} from "../../src/samples/idcard";
import { chunkIds } from "../../src/samples/generate";

describe("Rng", () => {
  test("same seed → same sequence; values in range", () => {
    const a = new Rng(42);
    const b = new Rng(42);
    for (let i = 0; i < 1000; i++) {
      const x = a.next();
      expect(x).toBe(b.next());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    const c = new Rng(1);
    for (let i = 0; i < 1000; i++) {
      const n = c.int(3, 7);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(7);
    }
  });

  test("apportion: parts add up to the total, each at least the minimum", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.array(fc.double({ min: 0.01, max: 10, noNaN: true }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 3 }),
        (total, weights, min) => {
          const parts = apportion(total, weights, min);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          const floorMin = Math.min(min, Math.floor(total / weights.length));
          for (const p of parts) expect(p).toBeGreaterThanOrEqual(floorMin);
        },
      ),
    );
  });
});

describe("GB 11643-1999 ID numbers", () => {
  test("the standard's example has check character X", () => {
    expect(idCheckChar("11010519491231002")).toBe("X");
    expect(isValidIdCard("11010519491231002X")).toBe(true);
    expect(isValidIdCard("110105194912310021")).toBe(false);
  });

  test("makeIdCard: valid, birth date and sex parity round-trip", () => {
    const birth = dayFromYMD(1975, 3, 9)!;
    const male = makeIdCard(LICHENG_REGION, birth, 123);
    const female = makeIdCard(LICHENG_REGION, birth, 124);
    for (const id of [male, female]) {
      expect(id).toHaveLength(18);
      expect(isValidIdCard(id)).toBe(true);
      expect(idBirth(id)).toBe(birth);
    }
    expect(male.slice(0, 14)).toBe("37011219750309");
    expect(idSex(male)).toBe("男");
    expect(idSex(female)).toBe("女");
  });
});

describe("chunkIds", () => {
  test("joins with 、 and splits before the limit", () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `O${String(i + 1).padStart(4, "0")}`);
    const chunks = chunkIds(ids, 1900);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(1900);
    expect(chunks.join("、").split("、")).toEqual(ids);
  });
});
