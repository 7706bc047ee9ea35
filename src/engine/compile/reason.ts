// Why a submission went back or was set aside, in one sentence (报送情况, the return notice, the CLI).
import type { Lang } from "../findings";
import type { Submission, SubmissionReason } from "./types";

/** The reason of a returned or superseded submission ("" when it was accepted). */
export function reasonText(s: Pick<Submission, "reason">, lang: Lang = "zh-CN"): string {
  return s.reason ? describe(s.reason, lang) : "";
}

function describe(r: SubmissionReason, lang: Lang): string {
  const en = lang === "en";
  switch (r.kind) {
    case "file":
      return r.text;
    case "not-ledger":
      return en
        ? "No ledger sheet was found in the file (党（工）委, 基层党组织, 党员 …): submit the campaign ledger itself"
        : "文件中没有找到任何台账表（党（工）委、基层党组织、党员等），请确认报送的是创先争优活动台账";
    case "errors": {
      const where = r.first.sheet ? `${r.first.sheet}${r.first.cell ? "!" + r.first.cell : ""}` : "";
      return en
        ? `The ledger has ${r.errors} error${r.errors === 1 ? "" : "s"}${where ? ` (first at ${where})` : ""}; correct each one and submit it again`
        : `台账有${r.errors}处错误${where ? `（第一处在${where}）` : ""}，请逐条改正后重新报送`;
    }
    case "superseded":
      return en
        ? `Superseded by the later submission "${r.by}"; this file is not compiled`
        : `本单位已另报较晚的“${r.by}”，本文件不参加汇总`;
  }
}
