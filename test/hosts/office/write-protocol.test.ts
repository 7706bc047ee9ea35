// The write protocol: new sheets under temporary names, hidden, written completely; then old sheets
// deleted and new ones renamed in one last sync; on any failure the temporary sheets are removed and
// the error rethrown, the old result sheets untouched.
import { CancelledError, HostError } from "../../../src/hosts/host";
import { TEMP_SHEET_PREFIX } from "../../../src/hosts/common/internal-sheets";
import { FakeRichApiError } from "../../fakes/excel-fake";
import { bigModel, newFake, officeHostOver, opsOf } from "./helpers";

const NAME = "考评结果-党员";

async function withOldResult() {
  const fake = newFake();
  const host = officeHostOver(fake, { requestBudget: 100_000 });
  await host.writeSheets([bigModel(3, NAME)], { replace: [NAME] });
  fake.resetStats();
  return { fake, host };
}

test("new sheets are fully written under hidden temporary names before the old ones are deleted and renamed", async () => {
  const { fake, host } = await withOldResult();
  await host.writeSheets([bigModel(3_000, NAME)], { replace: [NAME] });
  const adds = opsOf(fake, "add");
  expect(adds).toHaveLength(1);
  const temp = adds[0].sheet!;
  expect(temp.startsWith(TEMP_SHEET_PREFIX)).toBe(true);
  // hidden right away, in the same sync as its creation
  const hide = opsOf(fake, "visibility", temp)[0];
  expect(hide).toMatchObject({ detail: "Hidden", sync: adds[0].sync });
  // every value is written while the sheet still has its temporary name …
  const writes = opsOf(fake, "values").filter((o) => o.sheet === temp || o.sheet === NAME);
  expect(writes.length).toBeGreaterThan(3);
  expect(writes.every((o) => o.sheet === temp)).toBe(true);
  // … and only then, in one final sync: shown, the old deleted, the new renamed
  const del = opsOf(fake, "delete", NAME)[0];
  const rename = opsOf(fake, "rename", NAME)[0];
  const show = opsOf(fake, "visibility", temp).find((o) => o.detail === "Visible")!;
  const last = fake.syncCount;
  expect([show.sync, del.sync, rename.sync]).toEqual([last, last, last]);
  expect(Math.max(...writes.map((o) => o.sync))).toBeLessThan(last);
  expect(fake.log.indexOf(show)).toBeLessThan(fake.log.indexOf(del));
  expect(fake.log.indexOf(del)).toBeLessThan(fake.log.indexOf(rename));
  expect(fake.sheetNames).toEqual(["党员", NAME]);
  expect(fake.sheet(NAME).value(3_001, 0)).toBe("M002999");
});

test.each([3, 5, "last"] as const)(
  "a failure at sync %s leaves the old result sheet intact and no temporary sheet behind; the error is rethrown",
  async (at) => {
    const { fake, host } = await withOldResult();
    const failure = new FakeRichApiError("GeneralException", "boom");
    // the syncs of a successful run on a copy tell which one is the last (the swap)
    const probe = await withOldResult();
    await probe.host.writeSheets([bigModel(3_000, NAME)], { replace: [NAME] });
    const n = at === "last" ? probe.fake.syncCount : at;
    fake.failAtSync = (k) => (k === n ? failure : undefined);
    const err = await host.writeSheets([bigModel(3_000, NAME)], { replace: [NAME] }).catch((e) => e);
    expect(err).toBe(failure);
    expect(fake.sheetNames).toEqual(["党员", NAME]);
    expect(fake.sheet(NAME).value(4, 0)).toBe("M000002");
    expect(fake.sheet(NAME).value(5, 0)).toBeNull();
  },
);

test("when cleaning up fails too, a HostError names the temporary sheets", async () => {
  const { fake, host } = await withOldResult();
  const failure = new FakeRichApiError("GeneralException", "boom");
  fake.failAtSync = (k) => (k >= 3 ? failure : undefined);
  const err = await host.writeSheets([bigModel(3_000, NAME)], { replace: [NAME] }).catch((e) => e);
  expect(err).toBeInstanceOf(HostError);
  expect(err.text["zh-CN"]).toContain(TEMP_SHEET_PREFIX);
  expect(err.cause).toBe(failure);
});

test("a cancel between chunks removes the temporary sheet", async () => {
  const { fake, host } = await withOldResult();
  const ac = new AbortController();
  const err = await host
    .writeSheets([bigModel(3_000, NAME)], {
      replace: [NAME],
      signal: ac.signal,
      onProgress: (p) => {
        if (p.done > 1000) ac.abort();
      },
    })
    .catch((e) => e);
  expect(err).toBeInstanceOf(CancelledError);
  expect(fake.sheetNames).toEqual(["党员", NAME]);
  expect(opsOf(fake, "delete").map((o) => o.sheet!.startsWith(TEMP_SHEET_PREFIX))).toEqual([true]);
});

test("cell-edit mode becomes a HostError the clerk can act on, with Excel's error as cause", async () => {
  const fake = newFake();
  const edit = new FakeRichApiError("InvalidOperationInCellEditMode", "cell edit");
  fake.failAtSync = () => edit;
  const err = await officeHostOver(fake)
    .readWorkbook()
    .catch((e) => e);
  expect(err).toBeInstanceOf(HostError);
  expect(err.text["zh-CN"]).toContain("编辑");
  expect(err.cause).toBe(edit);
});

test("any other Excel error is rethrown unchanged from every method", async () => {
  const fake = newFake();
  const host = officeHostOver(fake);
  const boom = new FakeRichApiError("GeneralException", "boom");
  fake.failAtSync = () => boom;
  await expect(host.readWorkbook()).rejects.toBe(boom);
  await expect(host.selectCell({ sheet: "党员", cell: "A1" })).rejects.toBe(boom);
  await expect(host.activateSheet("党员")).rejects.toBe(boom);
  await expect(host.highlightCells([{ sheet: "党员", cell: "A1" }], "#FFFF00")).rejects.toBe(boom);
  await expect(host.clearHighlights()).rejects.toBe(boom);
  await expect(host.applyFixes([{ sheet: "党员", cell: "A1", value: "x", kind: "text" }])).rejects.toBe(boom);
  await expect(host.addMissingSheets([bigModel(1)])).rejects.toBe(boom);
});
