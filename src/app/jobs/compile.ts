// 汇总报送 (ledger-format.md §8, ui.md): the submitted files read and validated in Web Workers
// (readSubmissionsJob), each reading handed to the engine as a SubmissionInput, checked against the
// district (one 检查基准日, one set of rules, one unit list) and compiled. Nothing is written here:
// the compilation is kept by the pane until 生成全区汇总 (writeDistrictJob) or 下载退回修改通知
// (noticesJob). Cancelling stops the workers; the workbook is never touched by this job.
import {
  type Compilation,
  type District,
  type SubmissionInput,
  checkSubmission,
  compileDistrict,
  openDistrict,
} from "../../engine/compile";
import type { Day } from "../../engine/dates";
import type { Workbook } from "../../engine/grid";
import { PANE_TEXTS } from "../../i18n/pane";
import { fill, render, type Lang } from "../../i18n/text";
import { stage, type Job } from "../job";
import { summarizeCompilation, type CompileSummary } from "../results/compile-summary";
import type { SubmissionFile, SubmissionReading } from "../submissions/read-submission";
import { readSubmissionsJob } from "../submissions/read-submissions-job";
import type { WorkerFactory } from "../submissions/worker-protocol";

export interface CompileParams {
  lang: Lang;
  /** The 检查基准日; undefined: the units workbook's 评分规则 date, else today (capped). */
  asOf?: Day;
  /**
   * The open workbook: when its 党（工）委 sheet lists units it is the district's unit list and its
   * 评分规则 the district's rules (like `compile --units`); otherwise the union of the submissions.
   */
  units?: Workbook;
  makeWorker?: WorkerFactory;
  maxWorkers?: number;
}

export interface CompileResult {
  compilation: Compilation;
  /** Names that are not submissions: lock files (~$…) and files that are not .xlsx. */
  skipped: string[];
  /** Files picked twice (same name and content): compiled once. */
  repeated: string[];
  /** The unit list came from the open workbook (else from the submissions themselves). */
  unitsFromWorkbook: boolean;
  /** What the 汇总报送 tab shows of it. */
  summary: CompileSummary;
}

/** The district: the open workbook's unit list and rules when it has units, else the defaults. */
export function districtOf(asOf: Day | undefined, units: Workbook | undefined): District {
  const at = asOf === undefined ? {} : { asOf };
  if (units) {
    const district = openDistrict({ ...at, units });
    if (district.units?.length) return district;
  }
  return openDistrict(at);
}

/** A worker's reading as the engine takes it: the workbook, or the one-line reason in `lang`. */
export function submissionInput(r: SubmissionReading, lang: Lang): SubmissionInput {
  const base = { file: r.file, ...(r.modified === undefined ? {} : { modifiedAt: r.modified }) };
  return r.ok ? { ...base, workbook: r.workbook } : { ...base, unusable: render(r.reason, lang) };
}

export function compileJob(files: readonly SubmissionFile[], p: CompileParams): Job<CompileResult> {
  return async (run) => {
    const district = districtOf(p.asOf, p.units);
    const read = await readSubmissionsJob(files, {
      asOf: district.asOf,
      ...(p.makeWorker ? { makeWorker: p.makeWorker } : {}),
      ...(p.maxWorkers === undefined ? {} : { maxWorkers: p.maxWorkers }),
    })(run);
    const inputs = read.readings.map((r) => submissionInput(r, p.lang));
    // Each file is checked against the district on its own, with a repaint (and 取消) in between.
    const checked = [];
    for (const [i, input] of inputs.entries()) {
      await stage(run, fill(PANE_TEXTS.stageCompileFile, { file: input.file }), i, inputs.length);
      checked.push(checkSubmission(district, input));
    }
    await stage(run, PANE_TEXTS.stageCompile, inputs.length, inputs.length);
    const compilation = compileDistrict(district, checked);
    await stage(run, PANE_TEXTS.stageCompile, inputs.length, inputs.length);
    const unitsFromWorkbook = district.units !== undefined;
    return {
      compilation,
      skipped: read.skipped,
      repeated: read.repeated,
      unitsFromWorkbook,
      summary: summarizeCompilation(compilation, read, unitsFromWorkbook),
    };
  };
}
