// The rules in force (考评表彰 tab): every rule key with its effective value and where it comes from —
// the workbook's 评分规则 sheet, or the default of campaign.md.
import { RULE_KEYS, type RuleKey, type Rules } from "../../engine/campaign";
import { toISO } from "../../engine/dates";
import { FindingSink } from "../../engine/findings";
import type { Workbook } from "../../engine/grid";
import { findRuleSheet, readRuleSheet } from "../../engine/rule-sheet";

export interface RuleRow {
  key: RuleKey;
  /** The effective value as text (dates ISO); "" when unset (检查基准日 without a value). */
  value: string;
  source: "sheet" | "default" | "broken";
}

export interface RulesInForce {
  /** The name of the workbook's 评分规则 sheet, if any. */
  sheet?: string;
  rows: RuleRow[];
}

/** Effective value of each rule key in a Rules object (type-checked to cover every key). */
const VALUE_OF: Record<RuleKey, (r: Rules) => number | undefined> = {
  活动开始日期: (r) => r.campaignStart,
  第一时段结束: (r) => r.phase1End,
  第二时段结束: (r) => r.phase2End,
  第三时段结束: (r) => r.phase3End,
  第三时段表彰截止: (r) => r.phase3CommendationEnd,
  实施方案报送期限: (r) => r.planDeadline,
  检查基准日: (r) => r.asOfFromSheet,
  "等级分值-好": (r) => r.ratingPoints.好,
  "等级分值-较好": (r) => r.ratingPoints.较好,
  "等级分值-一般": (r) => r.ratingPoints.一般,
  "等级分值-差": (r) => r.ratingPoints.差,
  "权重-考评": (r) => r.weightCriteria,
  "权重-评议": (r) => r.weightApproval,
  "扣分-缺点评": (r) => r.deductMissingReview,
  "扣分-缺点评上限": (r) => r.deductMissingReviewCap,
  "扣分-承诺逾期": (r) => r.deductOverdue,
  "扣分-承诺逾期上限": (r) => r.deductOverdueCap,
  "等次线-优秀": (r) => r.gradeLines.优秀,
  "等次线-良好": (r) => r.gradeLines.良好,
  "等次线-一般": (r) => r.gradeLines.一般,
  "等次线-评议-优秀": (r) => r.voteGradeLines.优秀,
  "等次线-评议-合格": (r) => r.voteGradeLines.合格,
  "等次线-评议-基本合格": (r) => r.voteGradeLines.基本合格,
  "表彰-好评率下限": (r) => r.minApproval,
  "名额-组织": (r) => r.quota.org,
  "名额-党员": (r) => r.quota.member,
  "名额-党务工作者": (r) => r.quota.worker,
  "先进单位-平均分下限": (r) => r.unitMeanLine,
  新党员承诺期限天数: (r) => r.newMemberCommitDays,
};

export function rulesInForce(wb: Workbook): RulesInForce {
  const grid = findRuleSheet(wb.sheets);
  const { rules, broken, set } = readRuleSheet(grid, wb.date1904, new FindingSink());
  const rows = RULE_KEYS.map((def): RuleRow => {
    const key = def.key as RuleKey;
    const source = broken.includes(key) ? "broken" : set.includes(key) ? "sheet" : "default";
    const v = VALUE_OF[key](rules);
    const value = v === undefined ? "" : def.kind === "date" ? toISO(v) : String(Math.round(v * 1e6) / 1e6);
    return { key, value: source === "broken" ? "" : value, source };
  });
  return { sheet: grid?.name, rows };
}
