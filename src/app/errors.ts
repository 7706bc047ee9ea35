// What an error means for the clerk: a MessageBar title and a text that says what to do.
import { t, type Lang } from "./i18n";

export interface PaneMessage {
  intent: "error" | "warning" | "info" | "success";
  title?: string;
  text: string;
}

/** HostError and LedgerFileError carry their own zh-CN / en texts (what happened, what to do). */
function ownText(e: unknown, lang: Lang): string | undefined {
  const x = e as { messageZh?: unknown; messageEn?: unknown } | null;
  if (x && typeof x.messageZh === "string" && typeof x.messageEn === "string")
    return lang === "en" ? x.messageEn : x.messageZh;
  return undefined;
}

export function describeError(e: unknown, lang: Lang): PaneMessage {
  const own = ownText(e, lang);
  if (own) return { intent: "error", title: t(lang, "errorTitle"), text: own };
  const why = e instanceof Error ? e.message : String(e);
  return { intent: "error", title: t(lang, "errorTitle"), text: t(lang, "errorGeneric", { why }) };
}
