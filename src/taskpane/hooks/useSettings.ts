// The 设置 tab's settings: state in the pane, handed to whoever keeps them (localStorage in index.tsx).
import { useState } from "react";
import { DEFAULT_SETTINGS, type Settings } from "../../app/settings";

export function useSettings(
  initial: Settings | undefined,
  onChange: ((s: Settings) => void) | undefined,
): [Settings, (s: Settings) => void] {
  const [settings, setSettings] = useState<Settings>(initial ?? DEFAULT_SETTINGS);
  const change = (next: Settings) => {
    setSettings(next);
    onChange?.(next);
  };
  return [settings, change];
}
