// References between sheets (ledger-format.md §2 引用): an ID or name in one sheet must be found in the
// sheet it refers to. Without that sheet there is nothing to check against (missing-sheet says so).
import { defineCheck } from "../check";
import type { FindingSink } from "../findings";
import { type IndexedLedger, recordsOf, str } from "../ledger";
import { type Rec, type Table, cellOf, findingValue, rawOf } from "../read";
import { MEMBERS, ORGS, REVIEWS, UNITS, fieldName } from "../schema";
import { type ObjectKind, resolveSubject, resolveUnit } from "./resolve";
import { DISTRICT, reviewTargets } from "./reviews";

type Sink = FindingSink<"foreign-key">;

export const referencesCheck = defineCheck("references", ["foreign-key"], (ledger, sink) => {
  orgUnits(ledger, sink);
  memberOrgs(ledger, sink);
  const { commitments, votes, orgEvals, memberEvals } = ledger.tables;
  subjects(ledger, commitments, "subject", ["org", "member"], sink);
  subjects(ledger, votes, "object", ["org", "member"], sink);
  subjects(ledger, orgEvals, "object", ["org"], sink);
  subjects(ledger, memberEvals, "object", ["member"], sink);
  reviewUnitsAndTargets(ledger, sink);
});

/** 上级党（工）委 by 单位编号 or 单位名称. */
function orgUnits(ledger: IndexedLedger, sink: Sink): void {
  const t = ledger.tables.orgs;
  if (!ledger.tables.units) return;
  for (const rec of recordsOf(t)) {
    const unit = str(rec, "unit");
    if (unit === undefined || resolveUnit(ledger, unit) !== undefined) continue;
    notFound(t!, rec, "unit", UNITS.name, str(rec, "orgId"), sink);
  }
}

/** 所在党组织 by 组织编号. */
function memberOrgs(ledger: IndexedLedger, sink: Sink): void {
  const t = ledger.tables.members;
  if (!ledger.tables.orgs) return;
  for (const rec of recordsOf(t)) {
    const org = str(rec, "org");
    if (org === undefined || ledger.index.orgs.has(org)) continue;
    notFound(t!, rec, "org", ORGS.name, str(rec, "memberId"), sink);
  }
}

/** The object a row is about: an organisation or member of the allowed kinds. */
function subjects(
  ledger: IndexedLedger,
  t: Table | undefined,
  field: string,
  kinds: readonly ObjectKind[],
  sink: Sink,
): void {
  const expected = kinds.map((k) => (k === "org" ? ORGS.name : MEMBERS.name)).join("”或“");
  for (const rec of recordsOf(t)) {
    const id = str(rec, field);
    if (id === undefined || resolveSubject(ledger, id, kinds) !== undefined) continue;
    notFound(t!, rec, field, expected, id, sink);
  }
}

function notFound(
  t: Table,
  rec: Rec,
  field: string,
  expected: string,
  object: string | undefined,
  sink: Sink,
) {
  sink.add("foreign-key", t.grid.name, cellOf(t, rec, field), {
    field: fieldName(t.def, field),
    value: findingValue(rawOf(t, rec, field)),
    object,
    row: rec.row,
    params: { expected },
  });
}

/** 点评单位 of a 党（工）委 review (a unit); 点评对象: units for 区委, organisations otherwise. */
function reviewUnitsAndTargets(ledger: IndexedLedger, sink: Sink): void {
  const t = ledger.tables.reviews;
  const { units, orgs } = ledger.tables;
  for (const rec of recordsOf(t)) {
    const level = str(rec, "level");
    const reviewer = str(rec, "reviewer");
    const district = level === DISTRICT;
    if (level !== undefined && !district && reviewer !== undefined && units)
      if (resolveUnit(ledger, reviewer) === undefined)
        sink.add("foreign-key", t!.grid.name, cellOf(t!, rec, "reviewer"), {
          field: fieldName(REVIEWS, "reviewer"),
          value: reviewer,
          row: rec.row,
          params: { expected: UNITS.name },
        });
    if (!(district ? units : orgs)) continue;
    for (const { raw, id } of reviewTargets(ledger, rec))
      if (id === undefined)
        sink.add("foreign-key", t!.grid.name, cellOf(t!, rec, "targets"), {
          field: fieldName(REVIEWS, "targets"),
          value: raw,
          row: rec.row,
          object: raw,
          params: { expected: district ? UNITS.name : ORGS.name },
        });
  }
}
