// The campaign's rule keys (campaign.md): every date, score and quota the engine uses, with its
// default and the clause of the seed notice it comes from. A `评分规则` sheet overrides any of them.
import { type Day, dayFromYMD } from "./dates";

export type RuleKind = "date" | "number" | "fraction";

export interface RuleKeyDef {
  key: string;
  kind: RuleKind;
  /** Default as written in campaign.md (dates ISO, numbers plain). */
  default: string;
  clause: string;
  /** Allowed range for numbers (inclusive). */
  min?: number;
  max?: number;
}

/** Rule keys, in the order the template's `评分规则` sheet lists them. */
export const RULE_KEYS = [
  {
    key: "活动开始日期",
    kind: "date",
    default: "2010-05-01",
    clause: "《实施意见》四、总体安排：从2010年5月开始",
  },
  {
    key: "第一时段结束",
    kind: "date",
    default: "2010-12-31",
    clause: "《实施意见》四、总体安排：第一时段，从2010年5月开始至2010年底",
  },
  {
    key: "第二时段结束",
    kind: "date",
    default: "2011-06-30",
    clause: "《实施意见》四、总体安排：第二时段，从2011年1月开始至6月",
  },
  {
    key: "第三时段结束",
    kind: "date",
    default: "2012-11-07",
    clause: "《实施意见》四、总体安排：第三时段，从2011年7月开始至党的十八大召开前",
  },
  {
    key: "第三时段表彰截止",
    kind: "date",
    default: "2012-06-30",
    clause: "《实施意见》四、总体安排：第三时段，2012年“七一”前后区委专项表彰",
  },
  {
    key: "实施方案报送期限",
    kind: "date",
    default: "2010-05-31",
    clause: "《实施意见》五、组织领导：实施方案要及时报区委领导小组",
  },
  { key: "检查基准日", kind: "date", default: "", clause: "《实施意见》五（四）强化督促检查" },
  {
    key: "等级分值-好",
    kind: "number",
    default: "20",
    clause: "《实施意见》四（四）评选表彰：对开展活动情况进行考核",
    min: 0,
    max: 20,
  },
  {
    key: "等级分值-较好",
    kind: "number",
    default: "16",
    clause: "《实施意见》四（四）评选表彰：对开展活动情况进行考核",
    min: 0,
    max: 20,
  },
  {
    key: "等级分值-一般",
    kind: "number",
    default: "12",
    clause: "《实施意见》四（四）评选表彰：对开展活动情况进行考核",
    min: 0,
    max: 20,
  },
  {
    key: "等级分值-差",
    kind: "number",
    default: "6",
    clause: "《实施意见》四（四）评选表彰：对开展活动情况进行考核",
    min: 0,
    max: 20,
  },
  {
    key: "权重-考评",
    kind: "fraction",
    default: "0.8",
    clause: "《实施意见》四（四）评选表彰：注重工作实绩",
    min: 0,
    max: 1,
  },
  {
    key: "权重-评议",
    kind: "fraction",
    default: "0.2",
    clause: "《实施意见》四（四）评选表彰：注重社会公认度",
    min: 0,
    max: 1,
  },
  {
    key: "扣分-缺点评",
    kind: "number",
    default: "2",
    clause: "《实施意见》四（二）领导点评",
    min: 0,
    max: 100,
  },
  {
    key: "扣分-缺点评上限",
    kind: "number",
    default: "10",
    clause: "《实施意见》四（二）领导点评",
    min: 0,
    max: 100,
  },
  {
    key: "扣分-承诺逾期",
    kind: "number",
    default: "2",
    clause: "《实施意见》四（一）公开承诺",
    min: 0,
    max: 100,
  },
  {
    key: "扣分-承诺逾期上限",
    kind: "number",
    default: "10",
    clause: "《实施意见》四（一）公开承诺",
    min: 0,
    max: 100,
  },
  {
    key: "等次线-优秀",
    kind: "number",
    default: "90",
    clause: "《实施意见》四（四）评选表彰：对开展活动情况进行考核",
    min: 0,
    max: 100,
  },
  {
    key: "等次线-良好",
    kind: "number",
    default: "80",
    clause: "《实施意见》四（四）评选表彰：对开展活动情况进行考核",
    min: 0,
    max: 100,
  },
  {
    key: "等次线-一般",
    kind: "number",
    default: "60",
    clause: "《实施意见》四（四）评选表彰：对开展活动情况进行考核",
    min: 0,
    max: 100,
  },
  {
    key: "等次线-评议-优秀",
    kind: "fraction",
    default: "0.90",
    clause: "《实施意见》四（三）群众评议",
    min: 0,
    max: 1,
  },
  {
    key: "等次线-评议-合格",
    kind: "fraction",
    default: "0.70",
    clause: "《实施意见》四（三）群众评议",
    min: 0,
    max: 1,
  },
  {
    key: "等次线-评议-基本合格",
    kind: "fraction",
    default: "0.50",
    clause: "《实施意见》四（三）群众评议",
    min: 0,
    max: 1,
  },
  {
    key: "表彰-好评率下限",
    kind: "fraction",
    default: "0.90",
    clause: "《实施意见》四（四）评选表彰：广泛听取党员和群众意见",
    min: 0,
    max: 1,
  },
  {
    key: "名额-组织",
    kind: "fraction",
    default: "0.10",
    clause: "《实施意见》四、总体安排：第二时段、第三时段表彰",
    min: 0,
    max: 1,
  },
  {
    key: "名额-党员",
    kind: "fraction",
    default: "0.05",
    clause: "《实施意见》四、总体安排：第二时段、第三时段表彰",
    min: 0,
    max: 1,
  },
  {
    key: "名额-党务工作者",
    kind: "fraction",
    default: "0.02",
    clause: "《实施意见》四、总体安排：第二时段表彰优秀党务工作者",
    min: 0,
    max: 1,
  },
  {
    key: "先进单位-平均分下限",
    kind: "number",
    default: "85",
    clause: "《实施意见》四、总体安排：第三时段表彰先进单位党组织",
    min: 0,
    max: 100,
  },
  {
    key: "新党员承诺期限天数",
    kind: "number",
    default: "90",
    clause: "《实施意见》四（一）公开承诺",
    min: 0,
    max: 3650,
  },
] as const satisfies readonly RuleKeyDef[];

export type RuleKey = (typeof RULE_KEYS)[number]["key"];

/** `等次线-评议` may also be given as one row `0.9/0.7/0.5` (优秀/合格/基本合格). */
export const COMBINED_VOTE_LINE_KEY = "等次线-评议";

export interface Rules {
  campaignStart: Day;
  phase1End: Day;
  phase2End: Day;
  phase3End: Day;
  phase3CommendationEnd: Day;
  planDeadline: Day;
  /** From the `评分规则` sheet, if set (`--as-of` wins over it). */
  asOfFromSheet?: Day;
  ratingPoints: { 好: number; 较好: number; 一般: number; 差: number };
  weightCriteria: number;
  weightApproval: number;
  deductMissingReview: number;
  deductMissingReviewCap: number;
  deductOverdue: number;
  deductOverdueCap: number;
  gradeLines: { 优秀: number; 良好: number; 一般: number };
  voteGradeLines: { 优秀: number; 合格: number; 基本合格: number };
  minApproval: number;
  quota: { org: number; member: number; worker: number };
  unitMeanLine: number;
  newMemberCommitDays: number;
}

function d(iso: string): Day {
  const [y, m, dd] = iso.split("-").map(Number);
  return dayFromYMD(y, m, dd)!;
}

/** Builds Rules from key → value (already parsed: dates as Day, numbers as number). */
export function rulesFrom(values: Map<RuleKey, number>): Rules {
  const get = (k: RuleKey): number => {
    const v = values.get(k);
    if (v !== undefined) return v;
    const def = RULE_KEYS.find((r) => r.key === k)!;
    return def.kind === "date" ? d(def.default) : Number(def.default);
  };
  return {
    campaignStart: get("活动开始日期"),
    phase1End: get("第一时段结束"),
    phase2End: get("第二时段结束"),
    phase3End: get("第三时段结束"),
    phase3CommendationEnd: get("第三时段表彰截止"),
    planDeadline: get("实施方案报送期限"),
    asOfFromSheet: values.get("检查基准日"),
    ratingPoints: {
      好: get("等级分值-好"),
      较好: get("等级分值-较好"),
      一般: get("等级分值-一般"),
      差: get("等级分值-差"),
    },
    weightCriteria: get("权重-考评"),
    weightApproval: get("权重-评议"),
    deductMissingReview: get("扣分-缺点评"),
    deductMissingReviewCap: get("扣分-缺点评上限"),
    deductOverdue: get("扣分-承诺逾期"),
    deductOverdueCap: get("扣分-承诺逾期上限"),
    gradeLines: { 优秀: get("等次线-优秀"), 良好: get("等次线-良好"), 一般: get("等次线-一般") },
    voteGradeLines: {
      优秀: get("等次线-评议-优秀"),
      合格: get("等次线-评议-合格"),
      基本合格: get("等次线-评议-基本合格"),
    },
    minApproval: get("表彰-好评率下限"),
    quota: { org: get("名额-组织"), member: get("名额-党员"), worker: get("名额-党务工作者") },
    unitMeanLine: get("先进单位-平均分下限"),
    newMemberCommitDays: get("新党员承诺期限天数"),
  };
}

export const DEFAULT_RULES: Rules = rulesFrom(new Map());

export type Phase = 1 | 2 | 3;
export const PHASES: readonly Phase[] = [1, 2, 3];
export const PHASE_NAMES: Record<Phase, string> = { 1: "第一时段", 2: "第二时段", 3: "第三时段" };

/** Phase windows: 1 = [start, p1End], 2 = (p1End, p2End], 3 = (p2End, p3End]. */
export function phaseWindow(rules: Rules, phase: Phase): { from: Day; to: Day } {
  if (phase === 1) return { from: rules.campaignStart, to: rules.phase1End };
  if (phase === 2) return { from: rules.phase1End + 1, to: rules.phase2End };
  return { from: rules.phase2End + 1, to: rules.phase3End };
}

export function phaseOf(rules: Rules, day: Day): Phase | undefined {
  for (const p of PHASES) {
    const w = phaseWindow(rules, p);
    if (day >= w.from && day <= w.to) return p;
  }
  return undefined;
}

export function insideCampaign(rules: Rules, day: Day): boolean {
  return day >= rules.campaignStart && day <= rules.phase3End;
}

/** The commendation decision date of a phase (ledger-format.md §7). */
export function decisionDate(rules: Rules, phase: Phase): Day {
  return phase === 1 ? rules.phase1End : phase === 2 ? rules.phase2End : rules.phase3CommendationEnd;
}

/** 检查基准日: --as-of, else the `评分规则` row, else today; capped at 第三时段结束. */
export function resolveAsOf(rules: Rules, cliAsOf: Day | undefined, today: Day): Day {
  const day = cliAsOf ?? rules.asOfFromSheet ?? today;
  return Math.min(day, rules.phase3End);
}
