// 汇总报送: what its controls start — read and compile the submitted files (Web Workers), write the
// district sheets into the open workbook, download the return notices. The jobs load with their own
// chunk (the .xlsx reader, the compiler), so the pane's first paint does not wait for them.
import { parseISO } from "../../engine/dates";
import { t } from "../../i18n/pane";
import type { SubmissionFile } from "../../app/submissions/read-submission";
import { isSubmissionName } from "../../app/submissions/names";
import { downloadBytes } from "../preview/download";
import { makeSubmissionWorker } from "../submission-workers";
import { changeOf, previewBytes, snapshot, success, withHost, type RunContext } from "./run-context";
import type { CompileResult } from "../../app/jobs/compile";

const compileModule = () => import(/* webpackChunkName: "compile" */ "../../app/jobs/compile");
const districtModule = () => import(/* webpackChunkName: "compile" */ "../../app/jobs/district");

/** A picked file as the reader takes it (files that are no submission are only named). */
async function submissionFile(f: File): Promise<SubmissionFile> {
  const bytes = isSubmissionName(f.name) ? new Uint8Array(await f.arrayBuffer()) : new Uint8Array(0);
  return { name: f.name, bytes, ...(f.lastModified ? { modified: f.lastModified } : {}) };
}

function compiledMessage(c: RunContext, r: CompileResult) {
  const sum = r.summary;
  if (!sum.usable) return { intent: "warning" as const, text: t(c.lang, "nothingUsable") };
  return success(c, "compiled", {
    n: sum.rows.length,
    returned: sum.counts.returned + sum.counts.unreadable,
  });
}

export function compileRuns(c: RunContext) {
  const compilation = c.compile?.result.compilation;
  return {
    /** 选择报送文件 (picker or drop): read, check and compile; the workbook is not touched. */
    compileFiles: (files: readonly File[]) => {
      if (!files.length) return;
      const asOf = c.asOf ? parseISO(c.asOf) : undefined;
      const units = c.reading?.workbook;
      c.launch(
        "compile",
        async (run) => {
          const picked = await Promise.all(files.map(submissionFile));
          const { compileJob } = await compileModule();
          return compileJob(picked, {
            lang: c.lang,
            ...(asOf === undefined ? {} : { asOf }),
            ...(units ? { units } : {}),
            makeWorker: makeSubmissionWorker,
          })(run);
        },
        (result) => ({ compile: result, message: compiledMessage(c, result) }),
      );
    },
    /** 生成全区汇总: 报送情况 and the result sheets into the open workbook. */
    writeDistrict: () =>
      withHost(c, (h) => {
        if (!compilation) return;
        const params = { lang: c.lang, resultSheets: c.settings.resultSheets };
        c.launch(
          "writeDistrict",
          async (run) => {
            const { writeDistrictJob } = await districtModule();
            const from = await previewBytes(c);
            const { written } = await writeDistrictJob(h, compilation, params)(run);
            return { written, workbook: await snapshot(c, h, changeOf(from, written)) };
          },
          ({ written, workbook }) => ({
            districtWritten: written,
            workbook,
            show: written[0],
            message: success(c, "districtWritten", { first: written[0], n: written.length }),
          }),
        );
      }),
    /** 下载退回修改通知: one workbook per returned unit, a .zip when there are several. */
    downloadNotices: () => {
      if (!compilation) return;
      c.launch(
        "notices",
        async (run) => (await districtModule()).noticesJob(compilation, c.lang)(run),
        (d) => {
          if (!d) return { message: { intent: "info", text: t(c.lang, "noNotices") } };
          downloadBytes(d.bytes, d.name);
          return { message: success(c, "noticesDownloaded", { n: d.count, name: d.name }) };
        },
      );
    },
  };
}
