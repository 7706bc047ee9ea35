// Is office.js here, and does Office.onReady say Excel? And which theme does Office use? The pane and
// the ribbon page ask this before any host is loaded, so this module stays tiny and never calls an
// Office API that throws outside Office (requirements, themes) without a guard.

export type OfficeTheme = "light" | "dark";

type OfficeLike = {
  onReady?: () => Promise<{ host: unknown; platform: unknown }>;
  HostType?: { Excel?: unknown };
  context?: { officeTheme?: { bodyBackgroundColor?: string } };
};

export interface OfficeDetection {
  /** office.js is loaded and Office.onReady answered with the Excel host. */
  excel: boolean;
  /** The page was opened by Office (its host parameters are in the URL) but office.js never answered. */
  stalled?: boolean;
  /** Office's theme, when it gives one (inside Excel only). */
  theme?: OfficeTheme;
}

export interface DetectOfficeOptions {
  /** The window whose `Office` global is looked at (tests pass their own). */
  win: { Office?: unknown };
  /** How long to wait for Office.onReady before treating the page as outside Office. */
  timeoutMs?: number;
  /** How long when the URL shows Office opened the page (a slow first start, an intranet mirror). */
  officeTimeoutMs?: number;
  /** Called once when Office.onReady takes longer than `timeoutMs` inside Office (show a retry message). */
  onSlow?: () => void;
}

/** Office adds its host parameters (`_host_Info=Excel$Win32$16.01$zh-CN…`) to the add-in's URL. */
export function openedByOffice(win: { location?: { search?: string; hash?: string } }): boolean {
  const where = `${win.location?.search ?? ""}${win.location?.hash ?? ""}`;
  return /[?&#]_host_Info=/i.test(where);
}

/** Whether office.js is loaded at all (it may still be outside Office). */
export function hasOfficeJs(win: { Office?: unknown } = globalThis as { Office?: unknown }): boolean {
  const office = win.Office as OfficeLike | undefined;
  return !!office && typeof office.onReady === "function";
}

export async function detectOffice(o: DetectOfficeOptions): Promise<OfficeDetection> {
  const inOffice = openedByOffice(o.win as { location?: { search?: string } });
  if (!hasOfficeJs(o.win)) return inOffice ? { excel: false, stalled: true } : { excel: false };
  const office = o.win.Office as OfficeLike;
  // office.js that never answers (no network, not in Office) must not keep the pane waiting; inside
  // Office (a slow first start, a slow intranet mirror) it waits longer and says so after a while.
  const short = o.timeoutMs ?? 5000;
  const wait = inOffice ? Math.max(short, o.officeTimeoutMs ?? 60_000) : short;
  const timers: ReturnType<typeof setTimeout>[] = [];
  if (inOffice && o.onSlow) timers.push(setTimeout(o.onSlow, short));
  const info = await Promise.race([
    office.onReady!().catch(() => null),
    new Promise<null>((resolve) => timers.push(setTimeout(() => resolve(null), wait))),
  ]);
  timers.forEach(clearTimeout);
  const excelHost = office.HostType?.Excel ?? "Excel";
  if (!info) return inOffice ? { excel: false, stalled: true } : { excel: false };
  if (info.host !== excelHost) return { excel: false };
  return { excel: true, theme: officeTheme(office) };
}

/** The Office theme (light/dark) from its body background, when Office gives one. */
export function officeTheme(office: OfficeLike | undefined): OfficeTheme | undefined {
  let bg: string | undefined;
  try {
    bg = office?.context?.officeTheme?.bodyBackgroundColor;
  } catch {
    return undefined;
  }
  const m = bg ? /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(bg.trim()) : null;
  if (!m) return undefined;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? "dark" : "light";
}
