// 汇总报送 (ledger-format.md §8, ui.md): the submitted files read and checked against the district
// (one 检查基准日, one set of rules) in Web Workers (readSubmissionsJob), then compiled here against
// its unit list. Nothing is written here:
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
import { render, type Lang } from "../../i18n/text";
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

/** A file that could not be read, as the engine takes it: its one-line reason in `lang`. */
export function unreadable(r: Extract<SubmissionReading, { ok: false }>, lang: Lang): SubmissionInput {
  return {
    file: r.file,
    ...(r.modified === undefined ? {} : { modifiedAt: r.modified }),
    unusable: render(r.reason, lang),
  };
}

export function compileJob(files: readonly SubmissionFile[], p: CompileParams): Job<CompileResult> {
  return async (run) => {
    const district = districtOf(p.asOf, p.units);
    const read = await readSubmissionsJob(files, {
      district,
      ...(p.makeWorker ? { makeWorker: p.makeWorker } : {}),
      ...(p.maxWorkers === undefined ? {} : { maxWorkers: p.maxWorkers }),
    })(run);
    // each file was checked against the district where it was read; one that could not be read has its reason
    const checked = read.readings.map((r) =>
      r.ok ? r.checked : checkSubmission(district, unreadable(r, p.lang)),
    );
    const n = checked.length;
    await stage(run, PANE_TEXTS.stageCompile, n, n);
    const compilation = compileDistrict(district, checked);
    await stage(run, PANE_TEXTS.stageCompile, n, n);
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
