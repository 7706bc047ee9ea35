// Highlights on Excel: the original fills are saved (in memory and in the very hidden
// `_PL_highlights` sheet) before any fill changes, and restored exactly — colour, no fill, patterns.
import { HIGHLIGHTS_SHEET } from "../../../src/hosts/common/internal-sheets";
import { newFake, officeHostOver, opsOf } from "./helpers";

const seed = () =>
  newFake({
    sheets: [
      {
        name: "党员",
        values: [
          ["编号", "姓名"],
          ["M1", "张三"],
          ["M2", "李四"],
        ],
        fills: {
          A1: "#DDEBF7",
          A2: { color: "#FF0000", pattern: "Gray50", patternColor: "#0000FF" },
          B2: { color: "#FFFFFF", pattern: "Solid" }, // white, not "no fill"
          B3: { color: "#00B050", pattern: "Solid", tintAndShade: 0.4 },
        },
      },
    ],
  });

test("the memory is written (very hidden) before any fill changes", async () => {
  const fake = seed();
  await officeHostOver(fake).highlightCells(
    [
      { sheet: "党员", cell: "A2" },
      { sheet: "党员", cell: "A3" },
    ],
    "#FFEB9C",
  );
  const store = opsOf(fake, "values", HIGHLIGHTS_SHEET);
  const fills = opsOf(fake, "fill", "党员");
  expect(store.length).toBeGreaterThan(0);
  expect(fills).toHaveLength(2);
  expect(fake.log.indexOf(store[store.length - 1])).toBeLessThan(fake.log.indexOf(fills[0]));
  expect(fake.sheet(HIGHLIGHTS_SHEET).visibility).toBe("VeryHidden");
  expect(fake.sheet(HIGHLIGHTS_SHEET).formats[1]).toEqual(["@", "@", "@"]);
});

test("ExcelApi 1.9+: patterns, pattern colours, tints and white fills come back exactly", async () => {
  const fake = seed();
  const before = ["A1", "A2", "B2", "B3", "A3"].map((c) => fake.fillAt("党员", c));
  const host = officeHostOver(fake);
  await host.highlightCells(
    ["A1", "A2", "B2", "B3", "A3"].map((cell) => ({ sheet: "党员", cell })),
    "#FFEB9C",
  );
  await host.clearHighlights();
  expect(["A1", "A2", "B2", "B3", "A3"].map((c) => fake.fillAt("党员", c))).toEqual(before);
  expect(fake.sheetNames).toEqual(["党员"]);
});

test("before ExcelApi 1.9 white cannot be told from no fill: it comes back as no fill (and the pane is told)", async () => {
  const fake = newFake({
    apiMinor: 8,
    sheets: [{ name: "党员", values: [["a", "b"]], fills: { A1: "#FFFFFF", B1: "#FF0000" } }],
  });
  const host = officeHostOver(fake);
  await host.highlightCells(
    [
      { sheet: "党员", cell: "A1" },
      { sheet: "党员", cell: "B1" },
    ],
    "#FFEB9C",
  );
  await host.clearHighlights();
  expect(fake.fillAt("党员", "A1")).toBeUndefined();
  expect(fake.fillAt("党员", "B1")?.color).toBe("#FF0000");
  expect((await host.capabilities()).notes.some((n) => n["zh-CN"].includes("白色填充"))).toBe(true);
});

test("highlighting many cells stays within a few syncs", async () => {
  const values = Array.from({ length: 3000 }, (_, r) => [`M${r}`, `x${r}`]);
  const fake = newFake({ sheets: [{ name: "党员", values }] });
  const host = officeHostOver(fake);
  const refs = values.map((_, r) => ({ sheet: "党员", cell: `B${r + 1}` }));
  await host.highlightCells(refs, "#FFEB9C");
  console.info(`highlight 3,000 cells: ${fake.syncCount} syncs, max request ${fake.maxRequestBytes} bytes`);
  expect(fake.syncCount).toBeLessThan(10);
  expect(fake.maxRequestBytes).toBeLessThan(4 * 1024 * 1024);
  fake.resetStats();
  await host.clearHighlights();
  expect(fake.syncCount).toBeLessThan(10);
  expect(fake.fillAt("党员", "B3000")).toBeUndefined();
});

test("a missing sheet or a bad address is a HostError before anything changes", async () => {
  const fake = seed();
  const host = officeHostOver(fake);
  await expect(
    host.highlightCells(
      [
        { sheet: "党员", cell: "A1" },
        { sheet: "没有", cell: "A1" },
      ],
      "#FFEB9C",
    ),
  ).rejects.toMatchObject({
    name: "HostError",
  });
  await expect(host.highlightCells([{ sheet: "党员", cell: "1A" }], "#FFEB9C")).rejects.toMatchObject({
    name: "HostError",
  });
  expect(opsOf(fake, "fill")).toEqual([]);
  expect(fake.sheetNames).toEqual(["党员"]);
});
