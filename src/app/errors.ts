// What an error means for the clerk: a MessageBar title and a text that says what to do.
import { t } from "../i18n/pane";
import { isText, render, type Lang, type Text } from "../i18n/text";

export interface PaneMessage {
  intent: "error" | "warning" | "info" | "success";
  title?: string;
  text: string;
}

/** HostError and LedgerFileError carry their own Text (what happened, what to do). */
function ownText(e: unknown, lang: Lang): string | undefined {
  const text = (e as { text?: unknown } | null)?.text;
  return isText(text) ? render(text as Text, lang) : undefined;
}

export function describeError(e: unknown, lang: Lang): PaneMessage {
  const own = ownText(e, lang);
  if (own) return { intent: "error", title: t(lang, "errorTitle"), text: own };
  const why = e instanceof Error ? e.message : String(e);
  return { intent: "error", title: t(lang, "errorTitle"), text: t(lang, "errorGeneric", { why }) };
}
