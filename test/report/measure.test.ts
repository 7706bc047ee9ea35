// Measuring wrapped text for row heights (sheet-plan.ts): the fast paths (issue 12) must give what
// counting every character does.
import { displayWidth, lineCapacity, linesNeeded } from "../../src/report/sheet-plan";

/** The plain definition: each character (code point) of U+2E80 and above counts two. */
function referenceWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}
function referenceLines(text: string, width: number, size?: number): number {
  const room = lineCapacity(width, size);
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(referenceWidth(line) / room)), 0);
}

const SAMPLES = [
  "",
  "abc",
  "先锋台账",
  "𠀀𠀁", // astral CJK: one character each, two units each
  "a\ud800", // a lone surrogate counts as one wide character
  "\udc00b",
  "第一行\n第二行很长很长很长很长很长很长很长很长很长很长很长很长",
  "在创先争优活动中表现突出，带头学习提高、带头争创佳绩、带头服务群众、带头遵纪守法、带头弘扬正气。",
  "x".repeat(59),
  "x".repeat(61),
  "长".repeat(30),
  "长".repeat(31),
];

describe("measuring wrapped text", () => {
  test.each(SAMPLES)("displayWidth(%j) counts code points, wide ones twice", (s) => {
    expect(displayWidth(s)).toBe(referenceWidth(s));
  });

  test("linesNeeded equals the character-by-character count at every width and size", () => {
    for (const s of SAMPLES)
      for (const width of [4, 8, 12, 20, 40, 62])
        for (const size of [9, 11, 14])
          expect([s, width, size, linesNeeded(s, width, size)]).toEqual([
            s,
            width,
            size,
            referenceLines(s, width, size),
          ]);
  });

  test("a text exactly at a line's room takes one line, one unit more takes two", () => {
    const room = lineCapacity(20);
    expect(linesNeeded("x".repeat(room), 20)).toBe(1);
    expect(linesNeeded("x".repeat(room + 1), 20)).toBe(2);
    expect(linesNeeded("长".repeat(Math.floor(room / 2)), 20)).toBe(1);
    expect(linesNeeded("长".repeat(Math.floor(room / 2) + 1), 20)).toBe(2);
  });
});
