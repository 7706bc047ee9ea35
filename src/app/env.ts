// Where the pane runs: inside Excel (office.js loaded and Office.onReady says Excel) or in browser
// preview (no office.js, `?office=0`, onReady gives host null, or it never answers). The Office side of
// the question is answered in src/hosts/office/env.ts; the URL flags and the system theme here.
import { detectOffice } from "../hosts/office/env";

export type HostKind = "excel" | "preview";
export type ThemeName = "light" | "dark";

export interface PaneEnv {
  kind: HostKind;
  theme: ThemeName;
  /** URL flags: `?sample=1` loads the sample ledger in preview; `?lang=en` starts in English. */
  sample: boolean;
  lang?: "zh-CN" | "en";
  /** Opened by Office, but office.js never answered: show a retry message, not the browser preview. */
  stalled?: boolean;
}

export interface DetectOptions {
  /** How long to wait for Office.onReady before treating the page as outside Office. */
  timeoutMs?: number;
  /** How long inside Office (its host parameters in the URL). */
  officeTimeoutMs?: number;
  /** Called when Office is slow to answer inside Office. */
  onSlow?: () => void;
  win?: Window & { Office?: unknown };
}

export async function detectEnvironment(o: DetectOptions = {}): Promise<PaneEnv> {
  const win = o.win ?? (window as Window & { Office?: unknown });
  const params = new URLSearchParams(win.location?.search ?? "");
  const sample = params.get("sample") === "1";
  const langParam = params.get("lang");
  const lang = langParam === "en" ? "en" : langParam === "zh-CN" || langParam === "zh" ? "zh-CN" : undefined;
  const office =
    params.get("office") === "0"
      ? { excel: false }
      : await detectOffice({
          win,
          timeoutMs: o.timeoutMs,
          officeTimeoutMs: o.officeTimeoutMs,
          onSlow: o.onSlow,
        });
  const kind: HostKind = office.excel ? "excel" : "preview";
  const theme = office.theme ?? systemTheme(win);
  return office.stalled ? { kind, theme, sample, lang, stalled: true } : { kind, theme, sample, lang };
}

export function systemTheme(win: Pick<Window, "matchMedia"> | undefined): ThemeName {
  try {
    return win?.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
  } catch {
    return "light";
  }
}
