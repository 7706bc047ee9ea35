// isBlank (ledger-format §1.4): a cell holding only whitespace and characters nobody sees is blank.
// Its fast path must agree with the definition for every text.
import fc from "fast-check";
import { isBlank } from "../../src/engine/grid";

const DEFINITION = /^[\s\u3000\u00a0\ufeff\u200b-\u200d\u2060\u00ad]*$/;
const BLANKS = [" ", "\t", "\n", "\r", "\u3000", "\u00a0", "\ufeff", "\u200b", "\u200c", "\u200d", "\u2060"];
const OTHERS = [
  "\u00ad",
  "\u2028",
  "\u1680",
  "\u2003",
  "a",
  "1",
  "~",
  "党",
  "\u3001",
  "\u3400",
  "\ufffd",
  "\u0085",
];

test("isBlank agrees with the definition on texts of blank and visible characters mixed", () => {
  const text = fc.array(fc.constantFrom(...BLANKS, ...OTHERS), { maxLength: 6 }).map((cs) => cs.join(""));
  fc.assert(
    fc.property(text, (s) => {
      expect(isBlank(s)).toBe(DEFINITION.test(s));
    }),
    { numRuns: 3000 },
  );
});

test("isBlank agrees with the definition for every first character", () => {
  for (let c = 0; c <= 0xffff; c++) {
    const s = String.fromCharCode(c);
    if (isBlank(s) !== DEFINITION.test(s)) throw new Error(`U+${c.toString(16)}`);
    if (isBlank(s + "\u3000") !== DEFINITION.test(s + "\u3000"))
      throw new Error(`U+${c.toString(16)} + U+3000`);
  }
  expect(isBlank(null)).toBe(true);
  expect(isBlank(0)).toBe(false);
  expect(isBlank("")).toBe(true);
});
