// The read step: Workbook (Grids) → ReadLedger + the findings about its sheets. It reads the
// `评分规则` and `填报信息` sheets, every ledger sheet and the template version; nothing is checked
// across rows or sheets here (that is the checks' work, over the indexed ledger).
import type { Workbook } from "./grid";
import { type Day, todayDay } from "./dates";
import { type RuleKey, type Rules, resolveAsOf } from "./campaign";
import { type Finding, FindingSink } from "./findings";
import type { ReadLedger } from "./ledger";
import { type ReadTables, readTables } from "./read";
import { findRuleSheet, readRuleSheet } from "./rule-sheet";
import { findCoverSheet, readCover } from "./cover";
import { checkTemplateVersion, readTemplateVersion } from "./template-version";
import { LEDGER_SHEETS, type SheetId } from "./schema";

export interface ReadOptions {
  /** `--as-of`: wins over the `评分规则` row. */
  asOf?: Day;
  /** Today, for the default as-of (injected for tests). */
  today?: Day;
  /**
   * The rules in force, set from outside (the district's, in a compilation): the ledger's own
   * `评分规则` sheet is still read and checked, but its values do not apply.
   */
  rules?: { rules: Rules; broken: readonly RuleKey[] };
}

export interface SheetOverview {
  id: SheetId;
  /** Canonical name of the ledger sheet. */
  name: string;
  /** The workbook sheet that was read, if any. */
  foundAs?: string;
  foundBy?: "name" | "header";
  /** 1-based header row. */
  headerRow?: number;
  records: number;
}

export interface LedgerReading {
  ledger: ReadLedger;
  /** Findings of the read steps, in reading order. */
  findings: Finding[];
  overview: SheetOverview[];
  /** Workbook sheets that are neither ledger nor known optional sheets (ignored, never touched). */
  ignoredSheets: string[];
}

export function readLedger(wb: Workbook, opts: ReadOptions = {}): LedgerReading {
  const sink = new FindingSink();
  const ruleSheet = findRuleSheet(wb.sheets);
  const own = readRuleSheet(ruleSheet, wb.date1904, sink);
  const { rules, broken } = opts.rules ?? own;
  const coverSheet = findCoverSheet(wb.sheets);
  const cover = readCover(coverSheet);
  const read = readTables(wb, sink);
  const templateVersion = readTemplateVersion(wb, cover);
  checkTemplateVersion(templateVersion, coverSheet?.name, sink);

  const ledger: ReadLedger = {
    date1904: wb.date1904,
    tables: read.tables,
    rules,
    brokenRules: [...broken],
    asOf: resolveAsOf(rules, opts.asOf, opts.today ?? todayDay()),
    cover,
    templateVersion,
  };
  const known = new Set(
    [...read.located.values()]
      .map((l) => l.grid)
      .concat([ruleSheet, coverSheet].filter((g) => g !== undefined)),
  );
  return {
    ledger,
    findings: sink.items,
    overview: overviewOf(read),
    ignoredSheets: wb.sheets.filter((s) => !known.has(s)).map((s) => s.name),
  };
}

function overviewOf({ tables, located }: ReadTables): SheetOverview[] {
  return LEDGER_SHEETS.map((def) => {
    const t = tables[def.id];
    const at = located.get(def.id);
    return {
      id: def.id,
      name: def.name,
      foundAs: at?.grid.name,
      foundBy: at?.by,
      headerRow: t ? t.headerRow + 1 : undefined,
      records: t?.records.length ?? 0,
    };
  });
}
