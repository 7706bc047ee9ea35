// Why someone is not on a commendation list (未入选说明), zh-CN and en, keyed by the engine's reasons.
import type { NotSelected, Reason } from "../engine/commend";
import { type Lang, render, textOf } from "./text";

export const REASON_TEXTS = textOf<Reason>({
  "already-selected": { "zh-CN": "已入选本时段前一名单", en: "already on an earlier list of this phase" },
  veto: { "zh-CN": "有一票否决事项或违纪违法情况", en: "vetoed" },
  probationary: { "zh-CN": "预备党员不参加评选", en: "probationary member" },
  "not-party-worker": { "zh-CN": "不是党务工作者", en: "not a party-affairs worker" },
  errors: { "zh-CN": "本人（本组织）的台账记录有错误，需先改正", en: "own ledger rows have errors" },
  "no-evaluation": { "zh-CN": "本时段没有有效的考评记录", en: "no valid evaluation in this phase" },
  grade: { "zh-CN": "考评等次未达到优秀", en: "grade below 优秀" },
  approval: { "zh-CN": "群众评议好评率低于表彰下限", en: "approval below the line" },
  "commitment-overdue": { "zh-CN": "有逾期未完成的公开承诺", en: "an overdue commitment" },
  "over-quota": { "zh-CN": "符合条件，但超出本单位名额", en: "eligible but over the unit's quota" },
  "plan-late": { "zh-CN": "实施方案未按时报送", en: "plan submitted late" },
  "review-missing": { "zh-CN": "有半年度缺少区委点评", en: "a half-year without a 区委 review" },
  "mean-score": {
    "zh-CN": "所属基层党组织平均综合得分未达到下限",
    en: "organisations' mean score below the line",
  },
});

export const REASON_DETAILS = textOf({
  place: { "zh-CN": "名额 {quota}，排第 {rank}", en: "quota {quota}, place {rank}" },
});

export function reasonOf(n: Pick<NotSelected, "reason">, lang: Lang): string {
  return render(REASON_TEXTS[n.reason], lang);
}

/** What explains the reason: the place against the quota, or the engine's number (好评率, score …). */
export function reasonDetailOf(n: Pick<NotSelected, "detail" | "place">, lang: Lang): string | undefined {
  return n.place ? render(REASON_DETAILS.place, lang, n.place) : n.detail;
}

/** The first error cell of an object left out for `errors` (ledger-format.md §6.1). */
export const ERROR_CELL = textOf({
  cell: { "zh-CN": "首个错误在{cell}", en: "first error at {cell}" },
});
