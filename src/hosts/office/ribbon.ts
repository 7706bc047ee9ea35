// The ribbon's function commands (manifest: ExecuteFunction) are bound to their handlers here, once
// Office is ready: Office.actions.associate on current clients, the global function for older ones.

/** What Office hands a function command; call completed() when done. */
export interface RibbonEvent {
  completed: () => void;
}

export type RibbonHandler = (event: RibbonEvent) => void | Promise<void>;

/** Binds each handler to its manifest function name. False (and nothing bound) outside Office. */
export function registerRibbonCommands(handlers: Readonly<Record<string, RibbonHandler>>): boolean {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return false;
  void Office.onReady(() => {
    for (const [name, fn] of Object.entries(handlers)) {
      if (Office.actions?.associate) Office.actions.associate(name, fn);
      (globalThis as Record<string, unknown>)[name] = fn;
    }
  });
  return true;
}
