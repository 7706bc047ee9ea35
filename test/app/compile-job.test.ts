// 汇总报送's jobs without React: the picked files read (in fake workers or inline), handed to the
// engine and compiled — the same compilation as the engine gives for the same files read directly —
// lock files and other files skipped, cancel, 生成全区汇总 through the host, and the return notices
// (one workbook, or a .zip of several) built by the code the CLI uses.
import { unzipSync } from "fflate";
import { compileSubmissions, type SubmissionInput } from "../../src/engine/compile";
import { startJob, type JobRun } from "../../src/app/job";
import { compileJob, districtOf, unreadable } from "../../src/app/jobs/compile";
import { noticesJob, writeDistrictJob } from "../../src/app/jobs/district";
import { readSubmission, type SubmissionFile } from "../../src/app/submissions/read-submission";
import type { SubmissionWorker, WorkerRequest } from "../../src/app/submissions/worker-protocol";
import { ledgerFileError } from "../../src/hosts/xlsx/errors";
import { noticeFiles } from "../../src/hosts/xlsx/notice-files";
import { readXlsx } from "../../src/hosts/xlsx/read";
import { writeSheetModels } from "../../src/hosts/xlsx/write";
import { RESULT_SHEETS, RESULT_SHEET_NAMES } from "../../src/engine/schema";
import { type Day, dayFromYMD } from "../../src/engine/dates";
import { SMALL_SAMPLE } from "../../src/samples/generate";
import { districtFiles } from "../../src/samples/district-files";
import type { HostProgress } from "../../src/hosts/host";
import { PANE_TEXTS } from "../../src/i18n/pane";
import { FakeHost, workbookOf } from "../taskpane/fake-host";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** The district's units as they submit them; `clean`: without the sample's seeded mistakes. */
async function submissions(clean: boolean): Promise<{ files: SubmissionFile[]; unitList: Uint8Array }> {
  const { files, unitList } = districtFiles(
    { ...SMALL_SAMPLE, mistakes: !clean },
    { brokenFile: true, unitTwice: true },
  );
  const out: SubmissionFile[] = [];
  for (const [i, f] of files.entries()) {
    const bytes = await writeSheetModels(f.models);
    out.push({
      name: f.name,
      bytes: f.truncate ? bytes.subarray(0, bytes.length >> 1) : bytes,
      modified: 1_700_000_000_000 + i * 1000,
    });
  }
  return { files: out, unitList: await writeSheetModels(unitList) };
}

let clean: Awaited<ReturnType<typeof submissions>>;
let faulty: Awaited<ReturnType<typeof submissions>>;

beforeAll(async () => {
  clean = await submissions(true);
  faulty = await submissions(false);
});

/** The engine on the same files, read directly (the way the CLI reads them), not through the job. */
function direct(files: SubmissionFile[], units?: Uint8Array, asOf?: Day) {
  const inputs: SubmissionInput[] = files.map((f) => {
    const base = { file: f.name, ...(f.modified ? { modifiedAt: f.modified } : {}) };
    try {
      return { ...base, workbook: readXlsx(f.bytes) };
    } catch (e) {
      return { ...base, unusable: (e as { text: { "zh-CN": string } }).text["zh-CN"] };
    }
  });
  return compileSubmissions(inputs, {
    ...(units ? { units: readXlsx(units) } : {}),
    ...(asOf === undefined ? {} : { asOf }),
  });
}

const statuses = (c: { submissions: readonly { file: string; status: string }[] }) =>
  c.submissions.map((s) => [s.file, s.status]);

async function run<T>(job: (r: JobRun) => Promise<T>): Promise<T> {
  const out = await startJob(job).outcome;
  if (out.status !== "done") throw out.status === "failed" ? out.error : new Error(out.status);
  return out.value;
}

/** An in-process worker speaking the real protocol, answering on a later macrotask. */
class FakeWorker implements SubmissionWorker {
  onmessage: SubmissionWorker["onmessage"] = null;
  onerror: SubmissionWorker["onerror"] = null;
  terminated = false;
  postMessage(req: WorkerRequest): void {
    setTimeout(() => {
      if (!this.terminated)
        this.onmessage?.({
          // by structured clone both ways, as a real worker's messages go
          data: {
            id: req.id,
            reading: structuredClone(readSubmission(req.file, structuredClone(req.district))),
          },
        });
    }, 1);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe("compileJob", () => {
  test("the compilation equals the engine's on the same files; lock files, other files and repeats are named", async () => {
    const picked: SubmissionFile[] = [
      ...clean.files,
      { name: "~$" + clean.files[0].name, bytes: new Uint8Array([1, 2]) },
      { name: "说明.docx", bytes: new Uint8Array([1]) },
      clean.files[2],
    ];
    const r = await run(
      compileJob(picked, { lang: "zh-CN", makeWorker: () => new FakeWorker(), maxWorkers: 2 }),
    );
    const expected = direct(clean.files);
    expect(statuses(r.compilation)).toEqual(statuses(expected));
    expect(r.compilation.evaluation.scores).toEqual(expected.evaluation.scores);
    expect(r.compilation.submissions.map((s) => s.summary)).toEqual(
      expected.submissions.map((s) => s.summary),
    );
    // The broken file is returned with its reason, the earlier submission of the twice-sent unit is set aside.
    const sum = r.summary;
    const broken = sum.rows.find((row) => row.file === clean.files[1].name)!;
    expect(broken.status).toBe("unreadable");
    expect(sum.counts.superseded).toBe(1);
    expect(sum.counts.accepted).toBe(expected.submissions.filter((s) => s.status === "accepted").length);
    expect(sum.counts.accepted).toBeGreaterThan(0);
    expect(sum.skipped).toEqual([
      { name: "~$" + clean.files[0].name, why: "lock" },
      { name: "说明.docx", why: "not-xlsx" },
      { name: clean.files[2].name, why: "repeated" },
    ]);
    expect(sum.units).toEqual({ n: expected.units.length, fromWorkbook: false });
  });

  test("read inline (no worker) the result is the same; the open workbook's unit list is used when it has one", async () => {
    const units = readXlsx(faulty.unitList);
    const r = await run(compileJob(faulty.files, { lang: "zh-CN", units }));
    const expected = direct(faulty.files, faulty.unitList);
    expect(statuses(r.compilation)).toEqual(statuses(expected));
    expect(r.unitsFromWorkbook).toBe(true);
    expect(r.compilation.unitsFrom).toBe("units-workbook");
    // A workbook without a 党（工）委 sheet lists no unit: the submissions' own units are used.
    const none = await run(
      compileJob(faulty.files.slice(0, 1), { lang: "zh-CN", units: { date1904: false, sheets: [] } }),
    );
    expect(none.unitsFromWorkbook).toBe(false);
  });

  test("an old .xls is returned with its reason (as in the CLI); the reason is in the clerk's language", async () => {
    const xls = new Uint8Array(4096);
    xls.set(OLE, 0);
    [..."Workbook"].forEach((ch, i) => (xls[1024 + i * 2] = ch.charCodeAt(0)));
    const picked = [clean.files[0], { name: "旧台账.xls", bytes: xls }];
    const zh = await run(compileJob(picked, { lang: "zh-CN" }));
    const en = await run(compileJob(picked, { lang: "en" }));
    const reason = (r: typeof zh) => {
      const s = r.compilation.submissions[1];
      return s.reason?.kind === "file" ? s.reason.text : "";
    };
    expect(reason(zh)).toMatch(/\.xls/);
    expect(reason(zh)).toMatch(/[\u4e00-\u9fff]/);
    expect(reason(en)).not.toMatch(/[\u4e00-\u9fff]{2}/);
    expect(zh.summary.rows[1].status).toBe("unreadable");
  });

  test("progress names each file and counts them all; 取消 stops the workers and gives no result", async () => {
    const seen: HostProgress[] = [];
    const workers: FakeWorker[] = [];
    const started = startJob(
      compileJob(clean.files, {
        lang: "zh-CN",
        makeWorker: () => {
          const w = new FakeWorker();
          workers.push(w);
          return w;
        },
        maxWorkers: 1,
      }),
      (p) => {
        seen.push(p);
        if (seen.length === 2) started.cancel();
      },
    );
    expect(await started.outcome).toEqual({ status: "cancelled" });
    expect(seen[0].stage["zh-CN"]).toContain(clean.files[0].name);
    expect(seen[0].total).toBe(clean.files.length);
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  test("a file that could not be read becomes the engine's input: its reason in the language asked", () => {
    const reason = ledgerFileError("corrupt", {}).text;
    expect(unreadable({ file: "a.xlsx", modified: 5, ok: false, reason }, "en")).toEqual({
      file: "a.xlsx",
      modifiedAt: 5,
      unusable: reason.en,
    });
    expect(unreadable({ file: "b.xlsx", ok: false, reason }, "zh-CN")).toEqual({
      file: "b.xlsx",
      unusable: reason["zh-CN"],
    });
    expect(districtOf(undefined, undefined).units).toBeUndefined();
  });

  test("every file is checked against the district where it is read (its rules and date, not the file's own)", async () => {
    // the open workbook's 评分规则 move 检查基准日: each worker must check at the district's date
    const units = readXlsx(faulty.unitList);
    const asOf = dayFromYMD(2011, 3, 1)!;
    const viaWorkers = await run(
      compileJob(faulty.files, {
        lang: "zh-CN",
        units,
        asOf,
        makeWorker: () => new FakeWorker(),
        maxWorkers: 2,
      }),
    );
    const expected = direct(faulty.files, faulty.unitList, asOf);
    expect(viaWorkers.compilation.district.asOf).toBe(asOf);
    expect(statuses(viaWorkers.compilation)).toEqual(statuses(expected));
    expect(viaWorkers.compilation.analysis.findings).toEqual(expected.analysis.findings);
    expect(viaWorkers.compilation.submissions.map((s) => s.summary)).toEqual(
      expected.submissions.map((s) => s.summary),
    );
  });
});

describe("生成全区汇总 and 下载退回修改通知", () => {
  test("builds only the sheets it writes, one per step with a yield between (the pane stays responsive)", async () => {
    const r = await run(compileJob(clean.files, { lang: "zh-CN" }));
    for (const chosen of [[], [RESULT_SHEETS.memberScores, RESULT_SHEETS.progress], RESULT_SHEET_NAMES]) {
      const seen: HostProgress[] = [];
      const job = writeDistrictJob(new FakeHost(workbookOf([])), r.compilation, {
        lang: "zh-CN",
        resultSheets: chosen,
      });
      const out = await startJob(job, (p) => seen.push(p)).outcome;
      if (out.status !== "done") throw new Error(out.status);
      const built = out.value.written;
      expect(built[0]).toBe(RESULT_SHEETS.submissions);
      expect(built.length).toBe(1 + chosen.filter((n) => n !== RESULT_SHEETS.submissions).length);
      // one "生成结果表" stage before each sheet and one after the last: done counts 0 … n
      const steps = seen.filter((p) => p.stage["zh-CN"] === PANE_TEXTS.stageBuild["zh-CN"]);
      expect(steps.map((p) => p.done)).toEqual([...Array(built.length + 1).keys()]);
      expect(steps.every((p) => p.total === built.length)).toBe(true);
    }
  });

  test("writes 报送情况 and the chosen result sheets, replacing earlier ones; the ledger's sheets stay", async () => {
    const r = await run(compileJob(clean.files, { lang: "zh-CN" }));
    const host = new FakeHost(workbookOf([]));
    host.wb.sheets.push({ name: "党员", rows: [["x"]], merges: [] });
    const chosen = RESULT_SHEET_NAMES.filter((n) => n !== RESULT_SHEETS.progress);
    const out = await run(writeDistrictJob(host, r.compilation, { lang: "zh-CN", resultSheets: chosen }));
    expect(out.written[0]).toBe(RESULT_SHEETS.submissions);
    expect(out.written).not.toContain(RESULT_SHEETS.progress);
    expect(out.written).toContain(RESULT_SHEETS.commendations);
    const [[models, replace]] = host.callsOf("writeSheets") as [[{ name: string }[], string[]]];
    expect(models.map((m) => m.name)).toEqual(out.written);
    expect(replace).toEqual(out.written);
    const report = host.wb.sheets.find((g) => g.name === RESULT_SHEETS.submissions)!;
    for (const f of clean.files) expect(JSON.stringify(report.rows)).toContain(f.name);
    expect(host.wb.sheets.find((g) => g.name === "党员")!.rows).toEqual([["x"]]);
  });

  test("one returned unit: its notice workbook; several: a .zip of the CLI's notice files", async () => {
    const one = await run(compileJob(clean.files, { lang: "zh-CN" }));
    const single = await run(noticesJob(one.compilation, "zh-CN"));
    const cliOne = noticeFiles(one.compilation, "zh-CN");
    expect(cliOne).toHaveLength(1);
    expect(single).toMatchObject({ name: cliOne[0].name, count: 1 });
    expect(readXlsx(single!.bytes).sheets.map((g) => g.name)).toEqual(["退回修改通知"]);

    const several = await run(compileJob(faulty.files, { lang: "zh-CN" }));
    const zip = await run(noticesJob(several.compilation, "zh-CN"));
    const cliMany = noticeFiles(several.compilation, "zh-CN");
    expect(cliMany.length).toBeGreaterThan(1);
    expect(zip!.name).toMatch(/^退回修改通知-\d{4}-\d{2}-\d{2}\.zip$/);
    expect(zip!.count).toBe(cliMany.length);
    const entries = unzipSync(zip!.bytes);
    expect(Object.keys(entries)).toEqual(cliMany.map((f) => f.name));
    for (const f of cliMany) {
      const wb = readXlsx(entries[f.name]);
      const text = JSON.stringify(wb.sheets[0].rows);
      const unit = several.compilation.submissions.find((s) => s.unit.key === f.unit)!.unit;
      expect(text).toContain(unit.name ?? unit.text);
    }
  });

  test("no returned unit: nothing to download", async () => {
    const accepted = await run(compileJob([clean.files[0]], { lang: "zh-CN" }));
    expect(accepted.compilation.submissions[0].status).toBe("accepted");
    expect(await run(noticesJob(accepted.compilation, "zh-CN"))).toBeNull();
  });
});
