// 领导点评 (ledger-format.md §2.5). Clause: 四、总体安排（二）领导点评 — 区委领导每半年对各单位党（工）委
// 集中点评一次，各单位党（工）委主要负责人每季度对下一级党组织集中点评一次.
import { type CheckContext, num, recordsOf, str } from "../ledger";
import { type Rec, type Table, cellOf, keyCol } from "../read";
import { ORGS, REVIEWS, UNITS, fieldName } from "../schema";
import { matchKey, readCode, splitList, splitWhitespace } from "../normalize";
import { a1 } from "../grid";
import { phaseOf } from "../campaign";
import { ended, halfYears, periodOf, quarters } from "../periods";
import { checkInsideCampaign } from "./common";

const DISTRICT = "区委";

export function checkReviews(ctx: CheckContext): void {
  const { ledger, sink } = ctx;
  const t = ledger.tables.reviews;
  const { index, rules, asOf, facts } = ledger;
  const qs = quarters(rules);
  const hs = halfYears(rules);
  const covered = facts.reviewed;

  for (const rec of recordsOf(t)) {
    const table = t!;
    const sheet = table.grid.name;
    const date = num(rec, "date");
    const level = str(rec, "level");
    const inside = date === undefined || checkInsideCampaign(ctx, table, rec, "date");
    if (!inside) rec.err = true;
    let reviewer = str(rec, "reviewer");
    if (level === DISTRICT) {
      if (reviewer !== undefined && reviewer !== DISTRICT) {
        sink.add("enum", sheet, cellOf(table, rec, "reviewer"), {
          field: fieldName(REVIEWS, "reviewer"),
          value: reviewer,
          row: rec.row,
          params: { expected: "区委（或留空）" },
        });
        rec.err = true;
      }
    } else if (level !== undefined) {
      if (reviewer === undefined) {
        if (table.cols.reviewer !== undefined) {
          sink.add("required", sheet, cellOf(table, rec, "reviewer"), {
            field: fieldName(REVIEWS, "reviewer"),
            value: null,
            row: rec.row,
          });
          rec.err = true;
        }
      } else {
        const unitId = index.units.has(reviewer) ? reviewer : index.unitByName.get(matchKey(reviewer));
        if (unitId === undefined) {
          if (ledger.tables.units) {
            sink.add("foreign-key", sheet, cellOf(table, rec, "reviewer"), {
              field: fieldName(REVIEWS, "reviewer"),
              value: reviewer,
              row: rec.row,
              params: { expected: UNITS.name },
            });
            rec.err = true;
          }
          reviewer = undefined;
        } else reviewer = unitId;
      }
    }
    const text = str(rec, "targets");
    if (text === undefined || level === undefined) continue;
    const ids = targetsOf(ctx, text, level === DISTRICT);
    for (const raw of ids) {
      const target = resolveTarget(ctx, raw, level === DISTRICT);
      const at = { field: fieldName(REVIEWS, "targets"), value: raw, row: rec.row };
      if (target === undefined) {
        if (level === DISTRICT ? ledger.tables.units : ledger.tables.orgs) {
          sink.add("foreign-key", sheet, cellOf(table, rec, "targets"), {
            ...at,
            object: raw,
            params: { expected: level === DISTRICT ? UNITS.name : ORGS.name },
          });
          rec.err = true;
        }
        continue;
      }
      if (level !== DISTRICT && reviewer !== undefined) {
        const org = index.orgs.get(target)!;
        if (str(org, "unit") !== reviewer) {
          sink.add("review-scope", sheet, cellOf(table, rec, "targets"), {
            ...at,
            object: target,
            params: { expected: reviewer },
          });
          rec.err = true;
          continue;
        }
      }
      if (date === undefined || !inside) continue;
      if (level === DISTRICT) {
        const p = periodOf(hs, date);
        if (p) covered.add(`${target}|${p.label}`);
      } else if (reviewer !== undefined) {
        const p = periodOf(qs, date);
        if (p) covered.add(`${target}|${p.label}`);
      }
    }
  }

  // Coverage of periods that have ended by 检查基准日.
  const unitsTable = ledger.tables.units;
  const orgsTable = ledger.tables.orgs;
  if (!t) return; // missing-sheet already reported; no coverage without the sheet
  const endedH = ended(hs, asOf);
  for (const rec of recordsOf(unitsTable)) {
    const id = str(rec, "unitId");
    if (id === undefined) continue;
    for (const p of endedH) {
      if (covered.has(`${id}|${p.label}`)) continue;
      missing(ctx, unitsTable!, rec, id, p.label, DISTRICT);
      const list = facts.missingHalfYearReviews.get(id) ?? [];
      list.push({ period: p.label, to: p.to });
      facts.missingHalfYearReviews.set(id, list);
    }
  }
  const endedQ = ended(qs, asOf);
  for (const rec of recordsOf(orgsTable)) {
    const id = str(rec, "orgId");
    const unit = str(rec, "unit");
    if (id === undefined || unit === undefined || !index.units.has(unit)) continue;
    for (const p of endedQ) {
      if (covered.has(`${id}|${p.label}`)) continue;
      missing(ctx, orgsTable!, rec, id, p.label, `上级党（工）委 ${unit}`);
      const list = facts.missingQuarterReviews.get(id) ?? [];
      list.push({ period: p.label, phase: phaseOf(rules, p.to) });
      facts.missingQuarterReviews.set(id, list);
    }
  }
}

function missing(ctx: CheckContext, t: Table, rec: Rec, id: string, period: string, by: string) {
  ctx.sink.add("review-missing", t.grid.name, a1(rec.row, keyCol(t)), {
    field: fieldName(t.def, t.def.keyField!),
    value: id,
    object: id,
    period,
    row: rec.row,
    params: { expected: by },
  });
}

/** §7: split on list separators; split a token further on whitespace only when every part is known. */
function targetsOf(ctx: CheckContext, text: string, district: boolean): string[] {
  const out: string[] = [];
  for (const token of splitList(text)) {
    const parts = splitWhitespace(token);
    if (parts.length > 1 && parts.every((p) => resolveTarget(ctx, p, district) !== undefined))
      out.push(...parts);
    else out.push(readCode(token));
  }
  return out;
}

/** 区委 reviews name units (by ID or name); 党（工）委 reviews name organisations by ID. */
function resolveTarget(ctx: CheckContext, raw: string, district: boolean): string | undefined {
  const { index } = ctx.ledger;
  const code = readCode(raw);
  if (district) return index.units.has(code) ? code : index.unitByName.get(matchKey(raw));
  return index.orgs.has(code) ? code : undefined;
}
