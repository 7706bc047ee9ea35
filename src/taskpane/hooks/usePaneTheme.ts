// Light or dark: inside Excel the Office theme (found at start); outside Office the system's setting,
// also when it changes while the pane is open.
import { useEffect, useSyncExternalStore } from "react";
import type { HostKind, ThemeName } from "../../app/env";

const DARK = "(prefers-color-scheme: dark)";

function darkQuery(): MediaQueryList | undefined {
  return typeof window !== "undefined" && window.matchMedia ? window.matchMedia(DARK) : undefined;
}

function subscribe(onChange: () => void): () => void {
  const mq = darkQuery();
  mq?.addEventListener?.("change", onChange);
  return () => mq?.removeEventListener?.("change", onChange);
}

export function usePaneTheme(kind: HostKind, theme: ThemeName): boolean {
  const systemDark = useSyncExternalStore(
    subscribe,
    () => darkQuery()?.matches ?? theme === "dark",
    () => theme === "dark",
  );
  return kind === "preview" ? systemDark : theme === "dark";
}

/** The page's lang attribute follows the pane's language (screen readers, fonts). */
export function useDocumentLang(lang: string): void {
  useEffect(() => {
    if (typeof document !== "undefined") document.documentElement.lang = lang;
  }, [lang]);
}
