// RowHeights: a Map's interface over an array (issue 12) — what a writer reads must be what a Map gave.
import { RowHeights } from "../../src/report/sheet-plan";

test("set, get and rows in order, like a Map filled in row order", () => {
  const h = new RowHeights();
  const m = new Map<number, number>();
  for (const [r, p] of [
    [1, 30],
    [3, 19],
    [4, 20.5],
    [3, 34], // set again: the new height
    [200_000, 15],
  ] as const) {
    h.set(r, p);
    m.set(r, p);
  }
  expect([...h]).toEqual([...m].sort((a, b) => a[0] - b[0]));
  for (const r of [0, 1, 2, 3, 4, 5, 199_999, 200_000, 200_001]) expect(h.get(r)).toBe(m.get(r));
});
