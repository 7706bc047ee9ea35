// 五个好考评 / 五带头考评 (ledger-format.md §2.7). Clause: 三、主要内容（五个好、五带头）and
// 四、总体安排 three phases — each phase's evaluations feed that phase's commendation.
import { type Phase, PHASE_NAMES, phaseWindow } from "../campaign";
import { toISO } from "../dates";
import { type CheckContext, num, recordsOf, str } from "../ledger";
import { type Rec, type Table, cellOf } from "../read";
import { NO_VETO, fieldName } from "../schema";
import { matchKey } from "../normalize";
import { subjectFk } from "./common";
import { approvalOf } from "./votes";

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

export function checkEvaluations(ctx: CheckContext): void {
  check(ctx, ctx.ledger.tables.orgEvals, "org");
  check(ctx, ctx.ledger.tables.memberEvals, "member");
}

function check(ctx: CheckContext, t: Table | undefined, kind: "org" | "member"): void {
  if (!t) return;
  const { ledger, sink } = ctx;
  const { rules, facts } = ledger;
  const sheet = t.grid.name;
  const seen = new Map<string, number>();
  for (const rec of recordsOf(t)) {
    const id = subjectFk(ctx, t, rec, "object", [kind]);
    const phase = phaseOfRecord(rec);
    const date = num(rec, "date");
    const at = { object: id, row: rec.row };
    if (phase !== undefined && date !== undefined) {
      const w = phaseWindow(rules, phase);
      if (date < w.from || date > w.to) {
        sink.add("date-outside-phase", sheet, cellOf(t, rec, "date"), {
          ...at,
          field: fieldName(t.def, "date"),
          value: toISO(date),
          period: String(phase),
          params: { expected: `${toISO(w.from)} 至 ${toISO(w.to)}`, period: PHASE_NAMES[phase] },
        });
        rec.err = true;
      } else if (phase === 3 && date > rules.phase3CommendationEnd) {
        sink.add("date-after-commendation", sheet, cellOf(t, rec, "date"), {
          ...at,
          field: fieldName(t.def, "date"),
          value: toISO(date),
          period: "3",
          params: { expected: toISO(rules.phase3CommendationEnd) },
        });
        rec.err = true;
      }
    }
    if (id !== undefined && phase !== undefined) {
      const key = `${id}|${phase}`;
      const prev = seen.get(key);
      if (prev === undefined) seen.set(key, rec.row);
      else {
        sink.add("unique", sheet, cellOf(t, rec, "object"), {
          ...at,
          field: fieldName(t.def, "object"),
          value: id,
          period: String(phase),
          params: { other: prev + 1 },
        });
        rec.err = true;
      }
    }
    // Ratings against the ledger's own evidence.
    if (kind === "org" && id !== undefined && phase !== undefined) {
      const a = facts.approval.get(id);
      const r = rec.v.c5;
      const top = r === "好" || (typeof r === "number" && r >= 18);
      if (top && a && a.total[phase] > 0 && approvalOf(a, phase) < rules.voteGradeLines.合格)
        sink.add("criterion-evidence", sheet, cellOf(t, rec, "c5"), {
          ...at,
          field: fieldName(t.def, "c5"),
          value: r,
          period: String(phase),
          params: {
            expected: `该时段群众评议好评率仅 ${(approvalOf(a, phase) * 100).toFixed(1)}%，低于合格线 ${rules.voteGradeLines.合格 * 100}%`,
          },
        });
    }
    if (kind === "member" && vetoOf(rec) !== undefined) {
      const r = rec.v.c4;
      if (r === "好" || r === "较好" || (typeof r === "number" && r >= 16))
        sink.add("criterion-evidence", sheet, cellOf(t, rec, "c4"), {
          ...at,
          field: fieldName(t.def, "c4"),
          value: r,
          period: phase !== undefined ? String(phase) : undefined,
          params: { expected: "同一行记录了违纪违法情况" },
        });
    }
    if (rec.err && id !== undefined) facts.objectsWithErrors.add(id);
  }
}
