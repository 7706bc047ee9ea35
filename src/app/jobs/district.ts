// What a compilation gives the district office: 生成全区汇总 writes 报送情况 and the result sheets
// into the open workbook through the host (like 考评并生成表彰名单); 下载退回修改通知 builds one notice
// workbook per returned unit, or one .zip of them when there are several. The notices are built by
// the same code as the CLI's (hosts/xlsx/notice-files.ts), loaded only when asked for.
import type { Compilation } from "../../engine/compile";
import { toISO } from "../../engine/dates";
import { RESULT_SHEETS } from "../../engine/schema";
import type { LedgerHost } from "../../hosts/host";
import { PANE_TEXTS } from "../../i18n/pane";
import type { Lang } from "../../i18n/text";
import { districtReportSteps } from "../../report/district";
import { buildSheets } from "./build-sheets";
import { NOTICE_SHEET } from "../../report/notice-sheet";
import type { SheetModel } from "../../report/sheet-model";
import { stage, type Job } from "../job";

export interface DistrictWritten {
  /** Names of the sheets written, in order (报送情况 first). */
  written: string[];
  models: SheetModel[];
}

/**
 * 报送情况 always; of the §6 result sheets those chosen in 设置. Each sheet written replaces one of
 * the same name (a re-run never duplicates); the ledger's own sheets are never touched.
 */
export function writeDistrictJob(
  host: LedgerHost,
  c: Compilation,
  p: { lang: Lang; resultSheets: readonly string[] },
): Job<DistrictWritten> {
  return async (run) => {
    const steps = districtReportSteps(c, p.lang).filter(
      (s) => s.name === RESULT_SHEETS.submissions || p.resultSheets.includes(s.name),
    );
    const models = await buildSheets(run, steps);
    const written = models.map((m) => m.name);
    await host.writeSheets(models, { ...run, replace: written });
    return { written, models };
  };
}

export interface NoticeDownload {
  /** `退回修改通知-<单位>.xlsx`, or `退回修改通知-<检查基准日>.zip` holding one per unit. */
  name: string;
  bytes: Uint8Array;
  /** How many notices (returned units) it holds. */
  count: number;
}

/** The notices of the returned units; null when no unit was returned. */
export function noticesJob(c: Compilation, lang: Lang): Job<NoticeDownload | null> {
  return async (run) => {
    await stage(run, PANE_TEXTS.stageNotices, 0, 1);
    const { noticeFiles, zipFiles } = await import(
      /* webpackChunkName: "notices" */ "../../hosts/xlsx/notice-files"
    );
    await stage(run, PANE_TEXTS.stageNotices, 0, 1);
    const files = noticeFiles(c, lang);
    await stage(run, PANE_TEXTS.stageNotices, 1, 1);
    if (!files.length) return null;
    if (files.length === 1) return { name: files[0].name, bytes: files[0].bytes, count: 1 };
    const name = `${NOTICE_SHEET}-${toISO(c.district.asOf)}.zip`;
    return { name, bytes: zipFiles(files), count: files.length };
  };
}
