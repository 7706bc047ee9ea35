// Seeds a small set of realistic clerk mistakes into a generated ledger, each a different finding code
// of ledger-format.md §3, and remembers the row and field where each must be reported.
//
// Each mistake is placed so that it causes no other error. Rows that carry an error are either extra
// rows (an additional commitment, vote or review added for that purpose) or rows whose loss does not
// uncover anything, so coverage (commitment-missing, review-missing, evaluation-missing) is unaffected.
// Known side effects (no extra findings are expected, but scores and lists change):
// - unique (and duplicate-id-card, the copied row's 身份证号): the duplicated 党员 row belongs to the organisation seeded with member-count, whose
//   党员人数 is off by +2 from the distinct count (and +1 from the row count), so member-count is
//   reported once whichever way an engine counts the duplicate row.
// - vote-sum / enum: on an extra 群众评议 row of a member who keeps a valid row in that phase and year;
//   both totals give the same 等次 (no grade-mismatch either way).
// - criterion-evidence: the organisation's phase-2 votes are lowered to a consistent 基本合格 row, so
//   its 好评率 (< 合格 line) and 评议等次 agree; its phase-2 score and commendation chances drop.
// - plan-late: the unit cannot be 先进单位党组织 (reason plan-late) — not a finding.
// - date-outside-phase / date-after-commendation / range: the evaluation row is blocked, so the
//   object has no score in that phase (reason no-evaluation / errors) — not findings.
// - commitment-overdue: a 2-point deduction in 第三时段 for that organisation.
import { PHASE_ENUM, PIONEER_TITLES, TITLE_FOR_CATEGORY, type SheetId } from "../engine/schema";
import { type Day, addYears, parseISO, toISO } from "../engine/dates";
import { isValidIdCard, idCheckChar } from "./idcard";
import type { Rng } from "./prng";
import {
  DONE,
  G_BASIC,
  G_EXCELLENT,
  G_PASS,
  LEVEL_UNIT,
  LIST_SEP,
  ONGOING,
  R,
  R_GOOD,
  Y,
  commitmentRec,
  onGradeLine,
  publishWays,
  randDay,
  reviewRec,
  voteGrade,
  voteRec,
  type VoteCounts,
} from "./records";
import { UNIT_REVIEW, memberCommitment, orgCommitment } from "./texts";
import type { LedgerData, Member, Org, Rec } from "./types";

export interface SeedRef {
  code: string;
  severity: "error" | "warning";
  sheet: SheetId;
  rec: Rec;
  /** Field key (schema) of the cell where the finding is reported. */
  field: string;
  object?: string;
  note: string;
}

/** A 评议等次 text that is not an enumeration value (a clerk confusing it with the score 等次). */
const BAD_GRADE = "良好";

export function seedMistakes(rng: Rng, data: LedgerData): SeedRef[] {
  const out: SeedRef[] = [];
  const usedOrgs = new Set<string>();
  const usedMembers = new Set<string>();
  const sheets = data.sheets;

  // Candidates: members who joined before the campaign (all phases evaluated), not secretaries.
  const memberPool = rng.shuffle(
    data.members.filter((m) => !m.late && !m.secretary && m.joined < R.campaignStart),
  );
  const orgPool = rng.shuffle(data.orgs.filter((o) => o.members.length >= 2));
  // Members are spread over organisations not yet touched where possible.
  const touchedOrgs = new Set<string>();
  const takeMember = (ok: (m: Member) => boolean = () => true): Member | undefined => {
    const free = (x: Member) => !usedMembers.has(x.id) && ok(x);
    const m = memberPool.find((x) => free(x) && !touchedOrgs.has(x.org.id)) ?? memberPool.find(free);
    if (m) {
      usedMembers.add(m.id);
      touchedOrgs.add(m.org.id);
    }
    return m;
  };
  const takeOrg = (ok: (o: Org) => boolean = () => true): Org | undefined => {
    const o = orgPool.find((x) => !usedOrgs.has(x.id) && ok(x));
    if (o) {
      usedOrgs.add(o.id);
      touchedOrgs.add(o.id);
    }
    return o;
  };
  const insertAfter = (list: Rec[], anchor: Rec, rec: Rec) => {
    list.splice(list.indexOf(anchor) + 1, 0, rec);
  };
  const lastCommitment = (id: string): Rec => {
    for (let i = sheets.commitments.length - 1; i >= 0; i--)
      if (sheets.commitments[i].subject === id) return sheets.commitments[i];
    throw new Error(`no commitment for ${id}`);
  };
  const addCommitment = (subject: Org | Member, published: Day): Rec => {
    const isOrg = "category" in subject;
    const category = isOrg ? subject.category : subject.org.category;
    const content = isOrg ? orgCommitment(rng, category) : memberCommitment(rng, category);
    const owner = isOrg ? (subject.members[0]?.name ?? subject.unit.head) : subject.name;
    const rec = commitmentRec(rng, subject.id, content, publishWays(rng, isOrg), published, owner);
    insertAfter(sheets.commitments, lastCommitment(subject.id), rec);
    return rec;
  };

  // ---- 党员 ----
  const mChecksum = takeMember();
  if (mChecksum) {
    const id = mChecksum.rec.idcard as string;
    const right = idCheckChar(id.slice(0, 17));
    const wrong = "0123456789X"[("0123456789X".indexOf(right) + 1 + rng.int(0, 9)) % 11];
    mChecksum.rec.idcard = id.slice(0, 17) + (wrong === right ? (right === "0" ? "1" : "0") : wrong);
    out.push(
      ref("id-checksum", "error", "members", mChecksum.rec, "idcard", mChecksum.id, "身份证号校验码错误"),
    );
  }
  const mSex = takeMember();
  if (mSex) {
    const id = mSex.rec.idcard as string;
    const first17 = id.slice(0, 16) + String((Number(id[16]) + 1) % 10);
    mSex.rec.idcard = first17 + idCheckChar(first17);
    if (!isValidIdCard(mSex.rec.idcard as string)) throw new Error("id-sex seed broke the checksum");
    out.push(
      ref(
        "id-sex",
        "warning",
        "members",
        mSex.rec,
        "idcard",
        mSex.id,
        "身份证号第17位与性别不符（校验码有效）",
      ),
    );
  }
  const mJoin = takeMember((m) => addYears(m.birth, 17) + 200 < m.joined);
  if (mJoin) {
    mJoin.rec.joined = toISO(addYears(mJoin.birth, 17) + rng.int(0, 200));
    out.push(ref("date-order", "error", "members", mJoin.rec, "joined", mJoin.id, "入党日期早于18周岁生日"));
  }

  // ---- 基层党组织 (+ the duplicated member row) ----
  const oCount = takeOrg((o) => o.members.some((m) => !m.secretary && !usedMembers.has(m.id)));
  if (oCount) {
    const dupOf = oCount.members.filter((m) => !m.secretary && !usedMembers.has(m.id)).slice(-1)[0];
    usedMembers.add(dupOf.id);
    const dup: Rec = { ...dupOf.rec };
    insertAfter(sheets.members, dupOf.rec, dup);
    out.push(
      ref("unique", "error", "members", dup, "memberId", dupOf.id, "同一党员重复登记（党员编号重复）"),
    );
    // The copied row repeats the 身份证号 too (ledger-format §1.4).
    if (dup.idcard)
      out.push(
        ref(
          "duplicate-id-card",
          "error",
          "members",
          dup,
          "idcard",
          dupOf.id,
          "同一党员重复登记（身份证号重复）",
        ),
      );
    oCount.rec.memberCount = oCount.members.length + 2;
    out.push(
      ref("member-count", "warning", "orgs", oCount.rec, "memberCount", oCount.id, "党员人数比花名册多2人"),
    );
  }
  const oTitle = takeOrg();
  if (oTitle) {
    oTitle.rec.title = PIONEER_TITLES.values.find((t) => t !== TITLE_FOR_CATEGORY[oTitle.category])!;
    out.push(
      ref("category-title", "error", "orgs", oTitle.rec, "title", oTitle.id, "争创载体与组织类别不符"),
    );
  }

  // ---- 党（工）委 ----
  const lateUnit = data.units[data.units.length - 1];
  lateUnit.rec.planDate = toISO(R.planDeadline + rng.int(5, 20));
  out.push(
    ref("plan-late", "warning", "units", lateUnit.rec, "planDate", lateUnit.id, "实施方案晚于报送期限"),
  );

  // ---- 公开承诺 (each on an extra commitment, so coverage is unaffected) ----
  const oFk = takeOrg();
  if (oFk) {
    const rec = addCommitment(oFk, randDay(rng, Y(2011, 2, 1), Y(2011, 5, 31)));
    rec.subject = oFk.id.replace(/^O/, "0");
    out.push(
      ref(
        "foreign-key",
        "error",
        "commitments",
        rec,
        "subject",
        undefined,
        `承诺主体编号把字母O写成数字0（应为${oFk.id}）`,
      ),
    );
  }
  const mTypeDate = takeMember();
  if (mTypeDate) {
    const rec = addCommitment(mTypeDate, Y(2011, 3, 5));
    rec.published = "2011年13月5日";
    rec.deadline = toISO(Y(2011, 12, 31));
    rec.state = DONE;
    rec.done = toISO(Y(2011, 11, 20));
    out.push(
      ref("type-date", "error", "commitments", rec, "published", mTypeDate.id, "公开日期无法识别（13月）"),
    );
  }
  const oRequired = takeOrg();
  if (oRequired) {
    const rec = addCommitment(oRequired, randDay(rng, Y(2011, 9, 1), Y(2011, 9, 30)));
    rec.deadline = toISO(Y(2012, 6, 30));
    rec.state = DONE;
    rec.done = null;
    out.push(ref("required", "error", "commitments", rec, "done", oRequired.id, "已完成但未填完成日期"));
  }
  const mShort = takeMember();
  if (mShort) {
    const rec = addCommitment(mShort, randDay(rng, Y(2011, 3, 1), Y(2011, 4, 30)));
    rec.content = "帮扶";
    out.push(ref("too-short", "warning", "commitments", rec, "content", mShort.id, "承诺事项过短"));
  }
  const oOverdue = takeOrg();
  if (oOverdue) {
    const rec = addCommitment(oOverdue, randDay(rng, Y(2011, 10, 1), Y(2011, 10, 31)));
    rec.deadline = toISO(Y(2012, 9, 30));
    rec.state = ONGOING;
    rec.done = null;
    out.push(
      ref(
        "commitment-overdue",
        "warning",
        "commitments",
        rec,
        "deadline",
        oOverdue.id,
        "完成时限已过仍在推进中",
      ),
    );
  }

  // ---- 领导点评 ----
  if (data.units.length >= 2) {
    const [ua, ub] = rng.shuffle(data.units.filter((u) => u.orgs.length > 0)).slice(0, 2);
    if (ua && ub) {
      const rows = data.unitReviews.get(ua.id)!;
      const row = rows[rng.int(0, rows.length - 1)];
      const foreign = ub.orgs[ub.orgs.length - 1];
      row.targets = `${row.targets}${LIST_SEP}${foreign.id}`;
      out.push(
        ref(
          "review-scope",
          "error",
          "reviews",
          row,
          "targets",
          foreign.id,
          `${ua.id}点评了${ub.id}所属的党组织`,
        ),
      );
    }
  }
  {
    const unit = data.units[0];
    const rec = reviewRec(
      rng,
      R.campaignStart - rng.int(3, 10),
      LEVEL_UNIT,
      unit.id,
      unit.head,
      unit.orgs
        .slice(0, 3)
        .map((o) => o.id)
        .join(LIST_SEP),
      UNIT_REVIEW,
    );
    sheets.reviews.push(rec);
    out.push(
      ref("date-outside-campaign", "error", "reviews", rec, "date", undefined, "点评日期早于活动开始日期"),
    );
  }

  // ---- 群众评议 ----
  const mSum = takeMember();
  if (mSum) {
    const anchor = data.votes.get(mSum.id)!.get(2)![0];
    const c: VoteCounts = { total: 40, good: 20, fair: 12, average: 6, poor: 2 };
    const rec = voteRec(randDay(rng, parseISO(anchor.date as string)!, R.phase2End), mSum.id, c);
    rec.total = 42; // 32/40 and 32/42 are both 合格
    insertAfter(sheets.votes, anchor, rec);
    out.push(
      ref("vote-sum", "error", "votes", rec, "total", mSum.id, "好+较好+一般+差（40）不等于参评人数（42）"),
    );
  }
  const mEnum = takeMember();
  if (mEnum) {
    const anchor = data.votes.get(mEnum.id)!.get(3)!.slice(-1)[0];
    const c: VoteCounts = { total: 25, good: 12, fair: 8, average: 4, poor: 1 };
    const rec = voteRec(
      randDay(rng, parseISO(anchor.date as string)!, R.phase3CommendationEnd),
      mEnum.id,
      c,
      BAD_GRADE,
    );
    insertAfter(sheets.votes, anchor, rec);
    out.push(ref("enum", "error", "votes", rec, "grade", mEnum.id, "评议等次填了“良好”"));
  }
  const mGrade = takeMember();
  if (mGrade) {
    const rec = data.votes.get(mGrade.id)!.get(1)![0];
    const total = rec.total as number;
    let fav = Math.round(total * 0.8);
    while (onGradeLine(fav, total) || voteGrade(fav, total) !== G_PASS)
      fav += voteGrade(fav, total) === G_EXCELLENT ? -1 : 1;
    setCounts(rec, total, fav);
    rec.grade = G_EXCELLENT;
    out.push(ref("grade-mismatch", "warning", "votes", rec, "grade", mGrade.id, "好评率为合格档却填“优秀”"));
  }

  // ---- 五个好考评 / 五带头考评 ----
  const oEvidence = takeOrg();
  if (oEvidence) {
    for (const v of data.votes.get(oEvidence.id)!.get(2)!) {
      const total = v.total as number;
      let fav = Math.round(total * 0.6);
      while (onGradeLine(fav, total)) fav++;
      setCounts(v, total, fav);
      v.grade = voteGrade(fav, total);
      if (v.grade !== G_BASIC) throw new Error("criterion-evidence seed: unexpected grade");
    }
    const ev = data.evals.get(oEvidence.id)!.get(2)!;
    ev.c5 = typeof ev.c1 === "number" ? 19 : R_GOOD;
    out.push(
      ref(
        "criterion-evidence",
        "warning",
        "orgEvals",
        ev,
        "c5",
        oEvidence.id,
        "好评率低于合格线却评“群众反映好”为好",
      ),
    );
  }
  const oPhase = takeOrg();
  if (oPhase) {
    const ev = data.evals.get(oPhase.id)!.get(2)!;
    ev.date = toISO(R.phase2End + rng.int(3, 12));
    out.push(
      ref("date-outside-phase", "error", "orgEvals", ev, "date", oPhase.id, "第二时段考评日期在时段之外"),
    );
  }
  const mAfter = takeMember();
  if (mAfter) {
    const ev = data.evals.get(mAfter.id)!.get(3)!;
    ev.date = toISO(R.phase3CommendationEnd + rng.int(5, 20));
    out.push(
      ref(
        "date-after-commendation",
        "error",
        "memberEvals",
        ev,
        "date",
        mAfter.id,
        "第三时段考评日期晚于表彰截止日",
      ),
    );
  }
  const mRange = takeMember();
  if (mRange) {
    const ev = data.evals.get(mRange.id)!.get(1)!;
    if (ev.phase !== PHASE_ENUM.values[0]) throw new Error("range seed: wrong phase");
    ev.c3 = 25;
    out.push(ref("range", "error", "memberEvals", ev, "c3", mRange.id, "带头服务群众评分25超出0–20"));
  }
  return out;
}

function ref(
  code: string,
  severity: "error" | "warning",
  sheet: SheetId,
  rec: Rec,
  field: string,
  object: string | undefined,
  note: string,
): SeedRef {
  return { code, severity, sheet, rec, field, ...(object !== undefined ? { object } : {}), note };
}

/** Rewrites a vote row's counts to `fav` favourable of `total` (sum stays equal to total). */
function setCounts(rec: Rec, total: number, fav: number): void {
  const good = Math.round(fav * 0.45);
  const rest = total - fav;
  const average = Math.ceil(rest * 0.7);
  rec.good = good;
  rec.fair = fav - good;
  rec.average = average;
  rec.poor = rest - average;
}
