// 领导点评 (ledger-format.md §2.5). Clause: 四、总体安排（二）领导点评 — 区委领导每半年对各单位党（工）委
// 集中点评一次，各单位党（工）委主要负责人每季度对下一级党组织集中点评一次.
// What a review row names (its reviewing unit, its targets) is read here for every check that needs it.
import { defineCheck } from "../check";
import type { FindingSink } from "../findings";
import { type IndexedLedger, derivedOnce, num, recordsOf, str, unread } from "../ledger";
import { type Rec, type Table, cellOf, keyCol } from "../read";
import { REVIEWS, fieldName } from "../schema";
import { matchKey, readCode, splitList, splitWhitespace } from "../normalize";
import { a1 } from "../grid";
import { insideCampaign } from "../campaign";
import { ended, halfYears, periodOf, quarters } from "../periods";
import { resolveUnit } from "./resolve";
import { existedBy } from "../check-date";
import { type CoverageBuilder, type PeriodCoverage, addPeriod, covers } from "../coverage";

export const DISTRICT = "区委";

export interface ReviewTarget {
  /** As written (one ID or name of the list). */
  raw: string;
  /** 单位编号 (区委 reviews) or 组织编号; undefined when not found. */
  id: string | undefined;
}

/** Targets by review row, per ledger: every check and the 表彰名单's reasons ask again (issue 12). */
const targetsByRow = derivedOnce(() => new Map<Rec, ReviewTarget[]>());

/** The targets of a review row that has a level and targets; [] otherwise. */
export function reviewTargets(ledger: IndexedLedger, rec: Rec): ReviewTarget[] {
  const known = targetsByRow(ledger);
  let targets = known.get(rec);
  if (targets === undefined) {
    targets = targetsOfRow(ledger, rec);
    known.set(rec, targets);
  }
  return targets;
}

function targetsOfRow(ledger: IndexedLedger, rec: Rec): ReviewTarget[] {
  const text = str(rec, "targets");
  const level = str(rec, "level");
  if (text === undefined || level === undefined) return [];
  const district = level === DISTRICT;
  return targetsOf(ledger, text, district).map((raw) => ({ raw, id: resolveTarget(ledger, raw, district) }));
}

/** The 单位编号 of the 党（工）委 that reviewed (党（工）委 level only); undefined if unknown. */
export function reviewingUnit(ledger: IndexedLedger, rec: Rec): string | undefined {
  const level = str(rec, "level");
  const reviewer = str(rec, "reviewer");
  if (level === undefined || level === DISTRICT || reviewer === undefined) return undefined;
  return resolveUnit(ledger, reviewer);
}

/** A 党（工）委 reviews only its own organisations. */
function inScope(ledger: IndexedLedger, orgId: string, unit: string): boolean {
  return str(ledger.index.orgs.get(orgId)!, "unit") === unit;
}

/** The quarters of each organisation and half-years of each unit that have a review inside the campaign, by 检查基准日. */
export const reviewCoverage = derivedOnce((ledger): PeriodCoverage => {
  const { rules } = ledger;
  const qs = quarters(rules);
  const hs = halfYears(rules);
  const covered: CoverageBuilder = new Map();
  for (const rec of recordsOf(ledger.tables.reviews)) {
    const date = num(rec, "date");
    if (date === undefined || !insideCampaign(rules, date) || !existedBy(ledger.asOf, date)) continue;
    const district = str(rec, "level") === DISTRICT;
    const reviewer = reviewingUnit(ledger, rec);
    for (const { id } of reviewTargets(ledger, rec)) {
      if (id === undefined) continue;
      if (!district && reviewer !== undefined && !inScope(ledger, id, reviewer)) continue;
      const p = district ? periodOf(hs, date) : reviewer !== undefined ? periodOf(qs, date) : undefined;
      if (p) addPeriod(covered, id, p.label);
    }
  }
  return covered;
});

export const reviewsCheck = defineCheck("reviews", ["review-scope", "review-missing"], (ledger, sink) => {
  const t = ledger.tables.reviews;
  if (!t) return; // missing-sheet already reported; no coverage without the sheet
  checkScope(ledger, t, sink);
  // Whom a row with unknown 点评对象 or 点评层级 reviewed cannot be known: no coverage is judged.
  if (!t.records.some((rec) => unread(rec, "targets") || unread(rec, "level"))) checkCoverage(ledger, sink);
});

function checkScope(ledger: IndexedLedger, t: Table, sink: FindingSink<"review-scope">): void {
  for (const rec of t.records) {
    const reviewer = reviewingUnit(ledger, rec);
    if (reviewer === undefined) continue;
    for (const { raw, id } of reviewTargets(ledger, rec))
      if (id !== undefined && !inScope(ledger, id, reviewer))
        sink.add("review-scope", t.grid.name, cellOf(t, rec, "targets"), {
          field: fieldName(REVIEWS, "targets"),
          value: raw,
          row: rec.row,
          object: id,
          params: { expected: reviewer },
        });
  }
}

/** Periods that have ended by 检查基准日: every unit each half-year, every organisation each quarter. */
function checkCoverage(ledger: IndexedLedger, sink: FindingSink<"review-missing">): void {
  const { index, rules, asOf } = ledger;
  const covered = reviewCoverage(ledger);
  // §1.4: a unit or organisation named by a review whose date is not known is not judged.
  const unknown = new Set<string>();
  for (const rec of recordsOf(ledger.tables.reviews))
    if (unread(rec, "date")) for (const { id } of reviewTargets(ledger, rec)) if (id) unknown.add(id);
  const unitsTable = ledger.tables.units;
  const orgsTable = ledger.tables.orgs;
  const endedH = ended(halfYears(rules), asOf);
  for (const rec of recordsOf(unitsTable)) {
    const id = str(rec, "unitId");
    if (id === undefined || unknown.has(id)) continue;
    for (const p of endedH)
      if (!covers(covered, id, p.label)) missing(sink, unitsTable!, rec, id, p.label, DISTRICT);
  }
  const endedQ = ended(quarters(rules), asOf);
  for (const rec of recordsOf(orgsTable)) {
    const id = str(rec, "orgId");
    const unit = str(rec, "unit");
    if (id === undefined || unknown.has(id) || unit === undefined || !index.units.has(unit)) continue;
    for (const p of endedQ)
      if (!covers(covered, id, p.label))
        missing(sink, orgsTable!, rec, id, p.label, `上级党（工）委“${unit}”`);
  }
}

function missing(
  sink: FindingSink<"review-missing">,
  t: Table,
  rec: Rec,
  id: string,
  period: string,
  by: string,
) {
  sink.add("review-missing", t.grid.name, a1(rec.row, keyCol(t)), {
    field: fieldName(t.def, t.def.keyField!),
    value: id,
    object: id,
    period,
    row: rec.row,
    params: { expected: by },
  });
}

/** §7: split on list separators; split a token further on whitespace only when every part is known. */
function targetsOf(ledger: IndexedLedger, text: string, district: boolean): string[] {
  const out: string[] = [];
  for (const token of splitList(text)) {
    const parts = splitWhitespace(token);
    if (parts.length > 1 && parts.every((p) => resolveTarget(ledger, p, district) !== undefined))
      out.push(...parts);
    else out.push(readCode(token));
  }
  return out;
}

/** 区委 reviews name units (by ID or name); 党（工）委 reviews name organisations by ID. */
function resolveTarget(ledger: IndexedLedger, raw: string, district: boolean): string | undefined {
  const { index } = ledger;
  const code = readCode(raw);
  if (district) return index.units.has(code) ? code : index.unitByName.get(matchKey(raw));
  return index.orgs.has(code) ? code : undefined;
}
