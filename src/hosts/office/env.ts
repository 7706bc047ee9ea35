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
  /** Office's theme, when it gives one (inside Excel only). */
  theme?: OfficeTheme;
}

export interface DetectOfficeOptions {
  /** The window whose `Office` global is looked at (tests pass their own). */
  win: { Office?: unknown };
  /** How long to wait for Office.onReady before treating the page as outside Office. */
  timeoutMs?: number;
}

/** Whether office.js is loaded at all (it may still be outside Office). */
export function hasOfficeJs(win: { Office?: unknown } = globalThis as { Office?: unknown }): boolean {
  const office = win.Office as OfficeLike | undefined;
  return !!office && typeof office.onReady === "function";
}

export async function detectOffice(o: DetectOfficeOptions): Promise<OfficeDetection> {
  if (!hasOfficeJs(o.win)) return { excel: false };
  const office = o.win.Office as OfficeLike;
  // office.js that never answers (no network, not in Office) must not keep the pane waiting.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const info = await Promise.race([
    office.onReady!().catch(() => null),
    new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), o.timeoutMs ?? 5000))),
  ]);
  clearTimeout(timer);
  const excelHost = office.HostType?.Excel ?? "Excel";
  if (!info || info.host !== excelHost) return { excel: false };
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
