// Test helpers: read SheetModels back as records keyed by canonical column name.
import type { CellValue } from "../../src/engine/grid";
import { LEDGER_SHEETS, type SheetId } from "../../src/engine/schema";
import type { SheetModel } from "../../src/report/sheet-model";

export type Row = Record<string, CellValue>;

export function model(models: readonly SheetModel[], id: SheetId): SheetModel {
  const name = LEDGER_SHEETS.find((d) => d.id === id)!.name;
  const m = models.find((x) => x.name === name);
  if (!m) throw new Error(`no model ${name}`);
  return m;
}

/** Rows of a ledger sheet as objects keyed by field key (schema). */
export function records(models: readonly SheetModel[], id: SheetId): Row[] {
  const def = LEDGER_SHEETS.find((d) => d.id === id)!;
  const m = model(models, id);
  const idx = def.fields.map((f) => {
    const i = m.columns.findIndex((c) => c.header === f.name);
    if (i < 0) throw new Error(`${m.name} has no column ${f.name}`); // never a silent column of nulls
    return i;
  });
  return m.rows.map((r) => Object.fromEntries(def.fields.map((f, i) => [f.key, r[idx[i]] ?? null])));
}

export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}
