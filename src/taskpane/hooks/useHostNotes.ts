// What this Excel cannot do (old requirement sets): notes the pane shows, never an error.
import { useEffect, useState } from "react";
import type { HostNote, LedgerHost } from "../../hosts/host";

const NONE: HostNote[] = [];

export function useHostNotes(host: LedgerHost | null): HostNote[] {
  const [notes, setNotes] = useState<{ host: LedgerHost; notes: HostNote[] } | null>(null);
  useEffect(() => {
    if (!host) return;
    let live = true;
    host.capabilities().then(
      (c) => live && setNotes({ host, notes: c.notes }),
      (e) => console.warn("capabilities", e),
    );
    return () => {
      live = false;
    };
  }, [host]);
  return notes && notes.host === host ? notes.notes : NONE;
}
