// Where the real-world workbook corpus is (CI lays shared/ beside the clone; sessions have /work/shared),
// and what every file in it must give: the table below pins each file's outcome, so any change of
// outcome fails a test (test/hosts/xlsx/read-corpus.test.ts for the reader, test/cli/validate.test.ts
// for `validate`). A file added to the corpus fails both until it has a row here.
import { existsSync, readdirSync } from "fs";
import * as path from "path";
import type { LedgerFileErrorCode } from "../src/hosts/xlsx/errors";

const candidates = [
  path.resolve(__dirname, "../../shared/corpus/real-world"),
  "/work/shared/corpus/real-world",
];
const found = candidates.find((p) => existsSync(p));
if (!found) throw new Error(`the real-world corpus is missing: looked in ${candidates.join(", ")}`);

export const CORPUS_DIR: string = found;

export interface CorpusOutcome {
  /** readXlsx: how many sheets and non-blank cells it gives, or the LedgerFileError code it throws. */
  read: { sheets: number; cells: number } | { error: LedgerFileErrorCode };
  /**
   * `validate FILE --json`: exit 1 with a `missing-sheet` finding for each of `missingSheets` (in this
   * order) and, besides those, findings of exactly `otherCodes`; or exit 2, nothing on stdout and this
   * one line on stderr.
   */
  validate: { exit: 1; missingSheets: string[]; otherCodes: string[] } | { exit: 2; line: string };
}

/** The eight ledger sheets, in the order `validate` reports them. */
export const LEDGER_SHEETS = [
  "党（工）委",
  "基层党组织",
  "党员",
  "公开承诺",
  "领导点评",
  "群众评议",
  "五个好考评",
  "五带头考评",
];

/** None of the corpus files is a ledger: every ledger sheet is missing, and no template marker. */
const NO_LEDGER: CorpusOutcome["validate"] = {
  exit: 1,
  missingSheets: LEDGER_SHEETS,
  otherCodes: ["template-version"],
};
const CORRUPT =
  "文件已损坏或不完整，无法读取。请用 Excel 打开该文件（如提示修复请选择“是”），再另存为 .xlsx 后重试";

export const CORPUS_OUTCOMES: Record<string, CorpusOutcome> = {
  "1904.xlsx": { read: { sheets: 3, cells: 1 }, validate: NO_LEDGER },
  "comments.xlsx": { read: { sheets: 2, cells: 3 }, validate: NO_LEDGER },
  "dateIssue.xlsx": { read: { sheets: 1, cells: 2 }, validate: NO_LEDGER },
  "fibonacci.xlsx": { read: { sheets: 1, cells: 38 }, validate: NO_LEDGER },
  "formulas.xlsx": { read: { sheets: 1, cells: 4 }, validate: NO_LEDGER },
  "gold.xlsx": { read: { sheets: 1, cells: 12 }, validate: NO_LEDGER },
  "google-sheets.xlsx": { read: { sheets: 1, cells: 5 }, validate: NO_LEDGER },
  "images.xlsx": { read: { sheets: 1, cells: 0 }, validate: NO_LEDGER },
  "invalid-xml.xlsx": { read: { sheets: 1, cells: 2 }, validate: NO_LEDGER },
  "libre-calc-as-excel-2007-365.xlsx": { read: { sheets: 1, cells: 5 }, validate: NO_LEDGER },
  "libre-calc-as-office-open-xml-spreadsheet.xlsx": { read: { sheets: 1, cells: 5 }, validate: NO_LEDGER },
  "many-columns.xlsx": { read: { sheets: 1, cells: 32 }, validate: NO_LEDGER },
  "missing-bits.xlsx": { read: { error: "corrupt" }, validate: { exit: 2, line: CORRUPT } },
  "shared_string_with_escape.xlsx": { read: { sheets: 1, cells: 1 }, validate: NO_LEDGER },
  "test-issue-1669.xlsx": { read: { sheets: 2, cells: 24 }, validate: NO_LEDGER },
  "test-issue-257.xlsx": { read: { sheets: 2, cells: 0 }, validate: NO_LEDGER },
  "test-issue-877.xlsx": { read: { sheets: 5, cells: 977 }, validate: NO_LEDGER },
};

/** Every file of the corpus folder but its README, sorted. */
export const CORPUS_FILES: string[] = readdirSync(CORPUS_DIR)
  .filter((f) => !/^readme/i.test(f))
  .sort();

/** Corpus files without a row in the table, and rows without a file: both must be empty. */
export function corpusTableMismatch(): { notInTable: string[]; notInCorpus: string[] } {
  return {
    notInTable: CORPUS_FILES.filter((f) => !(f in CORPUS_OUTCOMES)),
    notInCorpus: Object.keys(CORPUS_OUTCOMES).filter((f) => !CORPUS_FILES.includes(f)),
  };
}

/** The pinned outcome of a corpus file; throws (naming it) when the table has no row for it. */
export function corpusOutcome(file: string): CorpusOutcome {
  const o = CORPUS_OUTCOMES[file];
  if (!o)
    throw new Error(
      `corpus file ${file} is not in the table of test/corpus.ts: add a row with its expected outcome`,
    );
  return o;
}

/** Corpus files ExcelJS itself refuses (the tests that use it as an oracle or a second reader). */
export const EXCELJS_CANNOT_READ = ["invalid-xml.xlsx"];

/** Corpus files the reader reads (per the table). */
export const READABLE_CORPUS_FILES: string[] = CORPUS_FILES.filter(
  (f) => CORPUS_OUTCOMES[f] && !("error" in CORPUS_OUTCOMES[f].read),
);
