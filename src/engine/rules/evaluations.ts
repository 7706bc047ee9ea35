// 五个好考评 / 五带头考评 (ledger-format.md §2.7). Clause: 三、主要内容（五个好、五带头）and
// 四、总体安排 three phases — each phase's evaluations feed that phase's commendation.
import { type Phase, PHASE_NAMES, phaseWindow } from "../campaign";
import { defineCheck } from "../check";
import type { FindingSink } from "../findings";
import { toISO } from "../dates";
import { type IndexedLedger, num, recordsOf, str } from "../ledger";
import { type Rec, type Table, cellOf } from "../read";
import { NO_VETO, fieldName } from "../schema";
import { matchKey } from "../normalize";
import { type ObjectKind, resolveSubject } from "./resolve";
import { approvalByObject, approvalOf } from "./votes";

const PHASE_BY_NAME: Record<string, Phase> = { 第一时段: 1, 第二时段: 2, 第三时段: 3 };
const NO_VETO_KEYS = new Set(NO_VETO.map(matchKey));

export function phaseOfRecord(rec: Rec): Phase | undefined {
  const p = str(rec, "phase");
  return p === undefined ? undefined : PHASE_BY_NAME[p];
}

/** A veto (or violation) text: anything but blank, 无, 否, —, - or /. */
export function vetoOf(rec: Rec): string | undefined {
  const v = str(rec, "veto");
  return v !== undefined && !NO_VETO_KEYS.has(matchKey(v)) ? v : undefined;
}

/** The evaluation sheets with the kind of object each evaluates. */
export function evaluationTables(ledger: IndexedLedger): [Table | undefined, ObjectKind][] {
  return [
    [ledger.tables.orgEvals, "org"],
    [ledger.tables.memberEvals, "member"],
  ];
}

/** The evaluated object's ID when it is an object of the sheet's kind. */
export function evaluatedObject(ledger: IndexedLedger, rec: Rec, kind: ObjectKind): string | undefined {
  return resolveSubject(ledger, str(rec, "object"), [kind]);
}

type EvaluationCode = "date-outside-phase" | "date-after-commendation" | "criterion-evidence";

export const evaluationsCheck = defineCheck(
  "evaluations",
  ["date-outside-phase", "date-after-commendation", "criterion-evidence"],
  (ledger, sink) => {
    for (const [t, kind] of evaluationTables(ledger))
      for (const rec of recordsOf(t)) {
        const id = evaluatedObject(ledger, rec, kind);
        checkDate(ledger, t!, rec, id, sink);
        if (kind === "org") checkPublicRating(ledger, t!, rec, id, sink);
        else checkConductRating(t!, rec, id, sink);
      }
  },
);

/** The date lies in the phase's window; a 第三时段 evaluation before its commendation. */
function checkDate(
  ledger: IndexedLedger,
  t: Table,
  rec: Rec,
  object: string | undefined,
  sink: FindingSink<EvaluationCode>,
): void {
  const { rules } = ledger;
  const phase = phaseOfRecord(rec);
  const date = num(rec, "date");
  if (phase === undefined || date === undefined) return;
  // made only for a finding: this runs for every evaluation row
  const at = () => ({ object, row: rec.row, field: fieldName(t.def, "date"), value: toISO(date) });
  const w = phaseWindow(rules, phase);
  if (date < w.from || date > w.to)
    sink.add("date-outside-phase", t.grid.name, cellOf(t, rec, "date"), {
      ...at(),
      period: String(phase),
      params: { expected: `${toISO(w.from)}至${toISO(w.to)}`, period: PHASE_NAMES[phase] },
    });
  else if (phase === 3 && date > rules.phase3CommendationEnd)
    sink.add("date-after-commendation", t.grid.name, cellOf(t, rec, "date"), {
      ...at(),
      period: "3",
      params: { expected: toISO(rules.phase3CommendationEnd) },
    });
}

/** 群众反映好 rated top while the phase's 好评率 is below the 合格 line. */
function checkPublicRating(
  ledger: IndexedLedger,
  t: Table,
  rec: Rec,
  id: string | undefined,
  sink: FindingSink<EvaluationCode>,
): void {
  const { rules } = ledger;
  const phase = phaseOfRecord(rec);
  if (id === undefined || phase === undefined) return;
  const a = approvalByObject(ledger).get(id);
  const r = rec.v.c5;
  const top = r === "好" || (typeof r === "number" && r >= 18);
  if (top && a && a.total[phase] > 0 && approvalOf(a, phase) < rules.voteGradeLines.合格)
    sink.add("criterion-evidence", t.grid.name, cellOf(t, rec, "c5"), {
      object: id,
      row: rec.row,
      field: fieldName(t.def, "c5"),
      value: r,
      period: String(phase),
      params: {
        expected: `该时段群众评议好评率仅为${(approvalOf(a, phase) * 100).toFixed(1)}%，低于合格线${rules.voteGradeLines.合格 * 100}%`,
      },
    });
}

/** 带头遵纪守法 rated 好/较好 on a row that records a violation. */
function checkConductRating(
  t: Table,
  rec: Rec,
  object: string | undefined,
  sink: FindingSink<EvaluationCode>,
): void {
  if (vetoOf(rec) === undefined) return;
  const r = rec.v.c4;
  const phase = phaseOfRecord(rec);
  if (r === "好" || r === "较好" || (typeof r === "number" && r >= 16))
    sink.add("criterion-evidence", t.grid.name, cellOf(t, rec, "c4"), {
      object,
      row: rec.row,
      field: fieldName(t.def, "c4"),
      value: r,
      period: phase !== undefined ? String(phase) : undefined,
      params: { expected: "同一行记录了违纪违法情况" },
    });
}
