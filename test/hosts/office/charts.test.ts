// Charts through the Excel API: added on the hidden temporary sheets after every value is written
// (a chart may draw from a sheet written later in the batch), before the swap, with a few calls per
// chart and no sync of their own; series built explicitly on ExcelApi 1.7+, one contiguous range
// before; a missing requirement set degrades with a note, never an exception.
import { SheetModelError } from "../../../src/report/sheet-plan";
import { TEMP_SHEET_PREFIX } from "../../../src/hosts/common/internal-sheets";
import type { SheetModel } from "../../../src/report/sheet-model";
import { ORG_SCORES, orgScoresModel, PROGRESS, progressModel } from "../chart-models";
import { newFake, officeHostOver } from "./helpers";

const REPLACE = [ORG_SCORES, PROGRESS];
const CHART_KINDS = /^chart/;

async function write(models: SheetModel[], apiMinor = 16) {
  const fake = newFake({ apiMinor });
  const host = officeHostOver(fake);
  await host.writeSheets(models, { replace: REPLACE });
  return { fake, host };
}

test("ExcelApi 1.16: each chart has its type, title, bottom legend, position and explicit series", async () => {
  const { fake } = await write([orgScoresModel(), progressModel(3)]);
  expect(fake.sheetNames).toEqual(["党员", ORG_SCORES, PROGRESS]);
  // 进度督查: title row 1, preamble row 2, header row 3, data rows 4–6
  expect(fake.charts(PROGRESS)).toEqual([
    {
      type: "ColumnClustered",
      source: `${PROGRESS}!D4:D6`,
      title: "各单位季度点评与群众评议覆盖率",
      legend: { position: "Bottom" },
      position: { start: "A8", end: "J25" },
      series: [
        { name: "季度点评覆盖率", values: `${PROGRESS}!D4:D6`, xValues: `${PROGRESS}!B4:B6` },
        { name: "群众评议覆盖率", values: `${PROGRESS}!E4:E6`, xValues: `${PROGRESS}!B4:B6` },
      ],
      valueAxis: { numberFormat: "0%", minimum: 0, maximum: 1 },
    },
  ]);
  // 考评结果-组织: drawn from 进度督查's rows, though that sheet is written after it
  const [stacked] = fake.charts(ORG_SCORES);
  expect(stacked).toMatchObject({
    type: "ColumnStacked",
    title: "各单位基层党组织考评等次分布（第三时段）",
    position: { start: "F2", end: "N19" },
    valueAxis: { minimum: 0 },
  });
  expect(stacked.valueAxis.numberFormat).toBeUndefined();
  expect(stacked.valueAxis.maximum).toBeUndefined();
  expect(stacked.series).toEqual(
    ["F", "G", "H"].map((c, i) => ({
      name: ["第三时段组织优秀", "第三时段组织良好", "第三时段组织较差"][i],
      values: `${PROGRESS}!${c}4:${c}6`,
      xValues: `${PROGRESS}!B4:B6`,
    })),
  );
  // the series' cells hold what the chart should show
  expect(fake.valueAt(PROGRESS, "B4")).toBe("历城区洪家楼街道党工委");
  expect(fake.valueAt(PROGRESS, "D4")).toBe(0.25);
  expect(fake.valueAt(PROGRESS, "F6")).toBe(3);
  const caps = await officeHostOver(fake).capabilities();
  expect(caps.notes.filter((n) => n["zh-CN"].includes("图表"))).toEqual([]);
});

test("charts are made on the hidden temporary sheets after all values, before the one final swap sync", async () => {
  const { fake } = await write([orgScoresModel(), progressModel(3)]);
  const chartOps = fake.log.filter((o) => CHART_KINDS.test(o.kind));
  expect(chartOps.length).toBeGreaterThan(0);
  expect(chartOps.every((o) => o.sheet!.startsWith(TEMP_SHEET_PREFIX))).toBe(true);
  const lastValues = Math.max(...fake.log.map((o, i) => (o.kind === "values" ? i : -1)));
  const firstChart = fake.log.findIndex((o) => o.kind === "chart");
  expect(firstChart).toBeGreaterThan(lastValues);
  const swap = fake.log.find((o) => o.kind === "rename")!;
  expect(Math.max(...chartOps.map((o) => o.sync))).toBeLessThan(swap.sync);
  // the ranges were given on the temporary sheet and followed its rename
  expect(fake.charts(PROGRESS)[0].series[0].values).toBe(`${PROGRESS}!D4:D6`);
});

test("charts add one sync per sheet that has any (best-effort), and a few calls per chart whatever the number of rows", async () => {
  const noCharts = (m: SheetModel): SheetModel => ({ ...m, charts: undefined });
  const runs = [];
  for (const units of [3, 3_000]) {
    const withCharts = await write([orgScoresModel(), progressModel(units)]);
    const without = await write([noCharts(orgScoresModel()), noCharts(progressModel(units))]);
    runs.push({
      units,
      extraSyncs: withCharts.fake.syncCount - without.fake.syncCount,
      chartCalls: withCharts.fake.log.filter((o) => CHART_KINDS.test(o.kind)).length,
    });
  }
  expect(runs.map((r) => r.extraSyncs)).toEqual([2, 2]);
  expect(runs[1].chartCalls).toBe(runs[0].chartCalls);
  expect(runs[0].chartCalls).toBeLessThan(40);
});

test("a re-run replaces the charts with their sheets (no duplicates)", async () => {
  const { fake, host } = await write([orgScoresModel(), progressModel(3)]);
  await host.writeSheets([orgScoresModel(), progressModel(4, "·二")], { replace: REPLACE });
  expect(fake.charts(PROGRESS)).toHaveLength(1);
  expect(fake.charts(ORG_SCORES)).toHaveLength(1);
  expect(fake.charts(PROGRESS)[0].series[1].values).toBe(`${PROGRESS}!E4:E7`);
  expect(fake.charts(ORG_SCORES)[0].series[0].xValues).toBe(`${PROGRESS}!B4:B7`);
});

test.each([1, 6])(
  "ExcelApi 1.%i: one contiguous range (header + rows of the series columns), a note, no exception",
  async (minor) => {
    const { fake, host } = await write([orgScoresModel(), progressModel(3)], minor);
    const [chart] = fake.charts(PROGRESS);
    expect(chart).toMatchObject({
      type: "ColumnClustered",
      source: `${PROGRESS}!D3:E6`,
      title: "各单位季度点评与群众评议覆盖率",
      position: { start: "A8", end: "J25" },
      series: [
        { name: "季度点评覆盖率", values: `${PROGRESS}!D4:D6` },
        { name: "群众评议覆盖率", values: `${PROGRESS}!E4:E6` },
      ],
    });
    expect(chart.series[0].xValues).toBeUndefined();
    expect(chart.valueAxis.numberFormat).toBeUndefined();
    expect(fake.charts(ORG_SCORES)[0].source).toBe(`${PROGRESS}!F3:H6`);
    const caps = await host.capabilities();
    expect(caps.notes.some((n) => n["zh-CN"].includes("图表"))).toBe(true);
  },
);

test("ExcelApi 1.7: explicit series; the percent axis format needs 1.8 and is left to the cells", async () => {
  const { fake, host } = await write([progressModel(3)], 7);
  const [chart] = fake.charts(PROGRESS);
  expect(chart.series.map((s) => s.xValues)).toEqual([`${PROGRESS}!B4:B6`, `${PROGRESS}!B4:B6`]);
  expect(chart.valueAxis).toEqual({ minimum: 0, maximum: 1 });
  expect((await host.capabilities()).notes.some((n) => n["zh-CN"].includes("图表"))).toBe(false);
});

test("ExcelApi 1.6: series columns that are not adjacent cannot be one range: that chart is left out", async () => {
  const model = progressModel(3);
  model.charts = [{ ...model.charts![0], seriesCols: [3, 5] }];
  const { fake } = await write([model], 6);
  expect(fake.sheet(PROGRESS).value(3, 1)).toBe("历城区洪家楼街道党工委");
  expect(fake.charts(PROGRESS)).toEqual([]);
});

test("a chart whose data sheet is not in the batch is left out; impossible columns are a SheetModelError", async () => {
  const { fake } = await write([orgScoresModel()]);
  expect(fake.sheetNames).toEqual(["党员", ORG_SCORES]);
  expect(fake.charts(ORG_SCORES)).toEqual([]);
  const bad = progressModel(3);
  bad.charts = [{ ...bad.charts![0], seriesCols: [3, 99] }];
  const fake2 = newFake();
  await expect(officeHostOver(fake2).writeSheets([bad], { replace: REPLACE })).rejects.toBeInstanceOf(
    SheetModelError,
  );
  expect(fake2.sheetNames).toEqual(["党员"]);
  expect(fake2.syncCount).toBe(0);
});

test("a data sheet without rows gives no chart", async () => {
  const { fake } = await write([{ ...progressModel(3), rows: [] }]);
  expect(fake.charts(PROGRESS)).toEqual([]);
});

test("series colours (e.g. 否决 in red) are set on each series", async () => {
  const org = orgScoresModel();
  org.charts![0].colors = ["70AD47", "4472C4", "C00000"];
  const { fake } = await write([org, progressModel(3)]);
  expect(fake.charts(ORG_SCORES)[0].series.map((x) => x.color)).toEqual(["#70AD47", "#4472C4", "#C00000"]);
  // without colours the theme decides
  const plain = await write([orgScoresModel(), progressModel(3)]);
  expect(plain.fake.charts(ORG_SCORES)[0].series.map((x) => x.color)).toEqual([
    undefined,
    undefined,
    undefined,
  ]);
});
