// Where the pane runs: inside Excel (office.js loaded and Office.onReady says Excel) or in browser
// preview (no office.js, `?office=0`, onReady gives host null, or it never answers). Never calls an
// Office API that throws outside Office (requirements, themes) without a guard.

export type HostKind = "excel" | "preview";
export type ThemeName = "light" | "dark";

export interface PaneEnv {
  kind: HostKind;
  theme: ThemeName;
  /** URL flags: `?sample=1` loads the sample ledger in preview; `?lang=en` starts in English. */
  sample: boolean;
  lang?: "zh-CN" | "en";
}

type OfficeLike = {
  onReady?: () => Promise<{ host: unknown; platform: unknown }>;
  HostType?: { Excel?: unknown };
  context?: { officeTheme?: { bodyBackgroundColor?: string } };
};

export interface DetectOptions {
  /** How long to wait for Office.onReady before treating the page as outside Office. */
  timeoutMs?: number;
  win?: Window & { Office?: unknown };
}

export async function detectEnvironment(o: DetectOptions = {}): Promise<PaneEnv> {
  const win = o.win ?? (window as Window & { Office?: unknown });
  const params = new URLSearchParams(win.location?.search ?? "");
  const sample = params.get("sample") === "1";
  const langParam = params.get("lang");
  const lang = langParam === "en" ? "en" : langParam === "zh-CN" || langParam === "zh" ? "zh-CN" : undefined;
  const office = win.Office as OfficeLike | undefined;
  let kind: HostKind = "preview";
  if (params.get("office") !== "0" && office && typeof office.onReady === "function") {
    // office.js that never answers (no network, not in Office) must not keep the pane waiting.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const info = await Promise.race([
      office.onReady().catch(() => null),
      new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), o.timeoutMs ?? 5000))),
    ]);
    clearTimeout(timer);
    const excel = office.HostType?.Excel ?? "Excel";
    if (info && info.host === excel) kind = "excel";
  }
  const theme = (kind === "excel" && officeTheme(office)) || systemTheme(win);
  return { kind, theme, sample, lang };
}

/** The Office theme (light/dark) from its body background, when Office gives one. */
export function officeTheme(office: OfficeLike | undefined): ThemeName | undefined {
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

export function systemTheme(win: Pick<Window, "matchMedia"> | undefined): ThemeName {
  try {
    return win?.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  } catch {
    return "light";
  }
}
