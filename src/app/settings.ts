// The 设置 tab's settings (language, highlight colour, which result sheets to write), read by the
// ribbon commands too. Kept in the browser's localStorage (per add-in origin), under a key prefixed
// with Office.context.partitionKey when Office gives one: Excel on the web partitions storage per
// host and expects add-ins to use it (without it, settings can leak between documents' add-in
// instances or be lost). A blocked storage just means the defaults each time.
import { RESULT_SHEETS } from "../engine/schema";
import type { Lang } from "../i18n/text";

/** The result sheets this pane writes (汇总报送's 报送情况 belongs to the district compilation). */
export const PANE_RESULT_SHEETS: readonly string[] = [
  RESULT_SHEETS.findings,
  RESULT_SHEETS.orgScores,
  RESULT_SHEETS.memberScores,
  RESULT_SHEETS.commendations,
  RESULT_SHEETS.notSelected,
  RESULT_SHEETS.progress,
];

export const HIGHLIGHT_COLORS = ["#FFEB9C", "#FFC7CE", "#C6EFCE", "#BDD7EE"] as const;

export interface Settings {
  lang: Lang;
  highlightColor: string;
  /** Result sheet names to write. */
  resultSheets: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  lang: "zh-CN",
  highlightColor: HIGHLIGHT_COLORS[0],
  resultSheets: [...PANE_RESULT_SHEETS],
};

const KEY = "pioneer-ledger.settings";

/** Office.context.partitionKey, or undefined outside Office (reading it there may throw). */
function officePartitionKey(): string | undefined {
  try {
    const office = (globalThis as { Office?: { context?: { partitionKey?: unknown } } }).Office;
    const key = office?.context?.partitionKey;
    return typeof key === "string" && key ? key : undefined;
  } catch {
    return undefined;
  }
}

/** The storage key: prefixed with the partition key when Office gives one. */
export function settingsKey(partitionKey: string | undefined = officePartitionKey()): string {
  return partitionKey ? `${partitionKey}${KEY}` : KEY;
}

export function loadSettings(storage: Pick<Storage, "getItem"> | undefined = safeStorage()): Settings {
  try {
    const raw = storage?.getItem(settingsKey());
    if (!raw) return { ...DEFAULT_SETTINGS };
    const v = JSON.parse(raw) as Partial<Settings>;
    return {
      lang: v.lang === "en" ? "en" : "zh-CN",
      highlightColor:
        typeof v.highlightColor === "string" && /^#[0-9a-f]{6}$/i.test(v.highlightColor)
          ? v.highlightColor
          : DEFAULT_SETTINGS.highlightColor,
      resultSheets: Array.isArray(v.resultSheets)
        ? PANE_RESULT_SHEETS.filter((s) => v.resultSheets!.includes(s))
        : [...PANE_RESULT_SHEETS],
    };
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export function saveSettings(
  s: Settings,
  storage: Pick<Storage, "setItem"> | undefined = safeStorage(),
): void {
  try {
    storage?.setItem(settingsKey(), JSON.stringify(s));
  } catch {
    // Storage can be disabled (private windows, some Office webviews): settings last for this session.
  }
}

function safeStorage(): Storage | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
