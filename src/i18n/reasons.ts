// Why someone is not on a commendation list (未入选说明), zh-CN and en, keyed by the engine's reasons.
import type { NotSelected, Reason } from "../engine/commend";
import { periodInWords } from "./findings";
import { LIST_SEPARATOR, type Lang, render, textOf } from "./text";

export const REASON_TEXTS = textOf<Reason>({
  "already-selected": {
    "zh-CN": "本时段已列入其他表彰名单，不重复表彰",
    en: "already on another list of this phase (no one is commended twice)",
  },
  veto: { "zh-CN": "有一票否决事项或违纪违法情况", en: "vetoed" },
  probationary: { "zh-CN": "预备党员不参加评选", en: "probationary member" },
  "not-party-worker": { "zh-CN": "不是党务工作者", en: "not a party-affairs worker" },
  errors: { "zh-CN": "本人或本组织的台账记录有错误，须先改正", en: "own ledger rows have errors" },
  "no-evaluation": { "zh-CN": "本时段没有有效的考评记录", en: "no valid evaluation in this phase" },
  grade: { "zh-CN": "考评等次未达到优秀", en: "grade below 优秀" },
  approval: {
    "zh-CN": "群众评议好评率未达到表彰要求（见评分规则“表彰-好评率下限”）",
    en: "approval rate below what commendation requires (rule 表彰-好评率下限)",
  },
  "commitment-overdue": { "zh-CN": "有逾期未完成的公开承诺", en: "an overdue commitment" },
  "over-quota": { "zh-CN": "符合条件，但超出本单位名额", en: "eligible but over the unit's quota" },
  "plan-late": { "zh-CN": "实施方案未按时报送", en: "plan submitted late" },
  "review-missing": { "zh-CN": "有半年未经区委点评", en: "a half-year without a 区委 review" },
  "mean-score": {
    "zh-CN": "所属基层党组织平均综合得分未达到先进单位要求（见评分规则“先进单位-平均分下限”）",
    en: "organisations' mean score below what an advanced unit requires (rule 先进单位-平均分下限)",
  },
});

export const REASON_DETAILS = textOf({
  place: { "zh-CN": "名额{quota}，排第{rank}位", en: "quota {quota}, place {rank}" },
});

export function reasonOf(n: Pick<NotSelected, "reason">, lang: Lang): string {
  return render(REASON_TEXTS[n.reason], lang);
}

/** What explains the reason: the place against the quota, or the engine's number (好评率, score …). */
export function reasonDetailOf(
  n: Pick<NotSelected, "reason" | "detail" | "place">,
  lang: Lang,
): string | undefined {
  if (n.place) return render(REASON_DETAILS.place, lang, n.place);
  // review-missing names the half-years (`2011H1、2011H2`): in words, as the findings say them
  if (n.reason === "review-missing" && n.detail !== undefined)
    return n.detail
      .split("、")
      .map((p) => periodInWords(p, lang))
      .join(LIST_SEPARATOR[lang]);
  return n.detail;
}

/** The first error cell of an object left out for `errors` (ledger-format.md §6.1). */
export const ERROR_CELL = textOf({
  cell: { "zh-CN": "首个错误在{cell}", en: "first error at {cell}" },
});
