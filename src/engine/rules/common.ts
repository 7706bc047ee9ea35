// Checks several sheets share: a reference to an organisation or member, a date inside the campaign.
import { toISO } from "../dates";
import { insideCampaign } from "../campaign";
import { type CheckContext, num, str } from "../ledger";
import { type Rec, type Table, cellOf, findingValue, rawOf } from "../read";
import { MEMBERS, ORGS, fieldName } from "../schema";
import { type ObjectKind, objectKind } from "./objects";

/** Checks that the ID in `field` names an object of one of `kinds`; returns the ID when it does. */
export function subjectFk(
  ctx: CheckContext,
  t: Table,
  rec: Rec,
  field: string,
  kinds: readonly ObjectKind[],
): string | undefined {
  const id = str(rec, field);
  if (id === undefined) return undefined;
  const kind = objectKind(ctx, id);
  if (kind !== undefined && kinds.includes(kind)) return id;
  const { tables } = ctx.ledger;
  // Without the referenced sheet there is nothing to check against (missing-sheet already says so).
  if (kinds.every((k) => (k === "org" ? !tables.orgs : !tables.members))) return id;
  ctx.sink.add("foreign-key", t.grid.name, cellOf(t, rec, field), {
    field: fieldName(t.def, field),
    value: findingValue(rawOf(t, rec, field)),
    object: id,
    row: rec.row,
    params: { expected: kinds.map((k) => (k === "org" ? ORGS.name : MEMBERS.name)).join("”或“") },
  });
  rec.err = true;
  return undefined;
}

/** date-outside-campaign for a date field; returns false when reported. */
export function checkInsideCampaign(
  ctx: CheckContext,
  t: Table,
  rec: Rec,
  field: string,
  object?: string,
): boolean {
  const d = num(rec, field);
  const { rules } = ctx.ledger;
  if (d === undefined || insideCampaign(rules, d)) return true;
  ctx.sink.add("date-outside-campaign", t.grid.name, cellOf(t, rec, field), {
    field: fieldName(t.def, field),
    value: toISO(d),
    object,
    row: rec.row,
    params: { expected: `${toISO(rules.campaignStart)} 至 ${toISO(rules.phase3End)}` },
  });
  return false;
}
