// 党员 (ledger-format.md §2.3): the ID card is valid and agrees with the recorded birth date and sex.
import { type Day, toISO } from "../dates";
import { defineCheck } from "../check";
import { num, str } from "../ledger";
import { type Rec, type Table, cellOf, findingValue, rawOf } from "../read";
import type { FindingSink } from "../findings";
import { lostDigits, numberText } from "../normalize";
import { MEMBERS, fieldName } from "../schema";
import { ID_PROBLEM_TEXT, parseIdCard } from "./idcard";

/** The recorded 出生日期, else the one in a valid ID card number. */
export function birthOf(rec: Rec): Day | undefined {
  const card = str(rec, "idcard");
  return num(rec, "birth") ?? (card !== undefined ? parseIdCard(card).birth : undefined);
}

const ID_CODES = ["id-checksum", "id-birth", "id-sex", "id-as-number", "duplicate-id-card"] as const;
type IdSink = FindingSink<(typeof ID_CODES)[number]>;

export const idCardCheck = defineCheck("id-cards", ID_CODES, (ledger, sink) => {
  const t = ledger.tables.members;
  if (!t) return;
  checkCards(t, sink);
  checkNumbers(t, sink);
  checkDuplicates(t, sink);
});

/**
 * Cards stored as numbers (an 18-digit card typed into a number cell lost its last digits; the reader
 * kept no card): reported with what the cell shows (15 significant digits), never the double's digits.
 */
function checkNumbers(t: Table, sink: IdSink): void {
  if (t.cols.idcard === undefined) return;
  for (const rec of t.records) {
    const raw = rawOf(t, rec, "idcard");
    if (!lostDigits(raw)) continue;
    sink.add("id-as-number", t.grid.name, cellOf(t, rec, "idcard"), {
      field: fieldName(MEMBERS, "idcard"),
      object: str(rec, "memberId"),
      row: rec.row,
      value: numberText(raw),
    });
  }
}

/** The same card on two rows: an error at every later row, naming the first. */
function checkDuplicates(t: Table, sink: IdSink): void {
  const first = new Map<string, Rec>();
  for (const rec of t.records) {
    const card = str(rec, "idcard");
    if (card === undefined) continue;
    const prev = first.get(card);
    if (!prev) {
      first.set(card, rec);
      continue;
    }
    sink.add("duplicate-id-card", t.grid.name, cellOf(t, rec, "idcard"), {
      field: fieldName(MEMBERS, "idcard"),
      object: str(rec, "memberId"),
      row: rec.row,
      value: card,
      params: { other: cellOf(t, prev, "idcard") },
    });
  }
}

function checkCards(t: Table, sink: IdSink): void {
  for (const rec of t.records) {
    const card = str(rec, "idcard");
    if (card === undefined) continue;
    const sheet = t.grid.name;
    const cell = cellOf(t, rec, "idcard");
    const at = { field: fieldName(MEMBERS, "idcard"), object: str(rec, "memberId"), row: rec.row };
    const info = parseIdCard(card);
    if (info.problem) {
      sink.add("id-checksum", sheet, cell, {
        ...at,
        value: findingValue(rawOf(t, rec, "idcard")),
        params: { expected: ID_PROBLEM_TEXT[info.problem] },
      });
      continue;
    }
    const birth = num(rec, "birth");
    if (birth !== undefined && info.birth !== birth)
      sink.add("id-birth", sheet, cell, {
        ...at,
        value: toISO(birth),
        params: { expected: toISO(info.birth!) },
      });
    const sex = str(rec, "sex");
    if (sex !== undefined && sex !== info.sex)
      sink.add("id-sex", sheet, cell, { ...at, value: sex, params: { expected: info.sex! } });
  }
}
