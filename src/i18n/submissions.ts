// Why a submission went back or was set aside, in one sentence (报送情况, the return notice, the CLI),
// and the 报出时间 a unit-twice finding names. The engine gives the reason as data (SubmissionReason).
import type { Submission, SubmissionReason } from "../engine/compile";
import { render, textOf, type Lang } from "./text";

export const SUBMISSION_REASONS = textOf({
  notLedger: {
    "zh-CN": "文件中没有找到任何台账表（如基层党组织、党员等表），请确认报送的是创先争优活动台账",
    en: "No ledger sheet was found in the file (党（工）委, 基层党组织, 党员 …): submit the campaign ledger itself",
  },
  errors: {
    "zh-CN": "台账有{errors}处{errorWord}，请逐条改正后重新报送",
    en: "The ledger has {errors} {errorWord}; correct each one and submit it again",
  },
  errorsAt: {
    "zh-CN": "台账有{errors}处{errorWord}（第一处在{where}），请逐条改正后重新报送",
    en: "The ledger has {errors} {errorWord} (first at {where}); correct each one and submit it again",
  },
  error: { "zh-CN": "错误", en: "error" },
  errorsWord: { "zh-CN": "错误", en: "errors" },
  superseded: {
    "zh-CN": "本单位已另报较晚的“{by}”，本文件不参加汇总",
    en: 'Superseded by the later submission "{by}"; this file is not compiled',
  },
});

function describe(r: SubmissionReason, lang: Lang): string {
  switch (r.kind) {
    case "file":
      return r.text;
    case "not-ledger":
      return render(SUBMISSION_REASONS.notLedger, lang);
    case "errors": {
      const where = r.first.sheet ? `${r.first.sheet}${r.first.cell ? "!" + r.first.cell : ""}` : "";
      const word = r.errors === 1 ? SUBMISSION_REASONS.error : SUBMISSION_REASONS.errorsWord;
      const text = where ? SUBMISSION_REASONS.errorsAt : SUBMISSION_REASONS.errors;
      return render(text, lang, { errors: r.errors, where, errorWord: word });
    }
    case "superseded":
      return render(SUBMISSION_REASONS.superseded, lang, { by: r.by });
  }
}

/** The reason of a returned or superseded submission ("" when it was accepted). */
export function reasonText(s: Pick<Submission, "reason">, lang: Lang = "zh-CN"): string {
  return s.reason ? describe(s.reason, lang) : "";
}
