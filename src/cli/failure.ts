// The last line of defence: whatever escaped a command becomes one line naming the file — a
// CliFailure as it is, an unreadable ledger in its own words, an OS refusal in plain words.
import { isLedgerFileError } from "../hosts/xlsx/errors";
import { render, type Lang } from "../i18n/text";
import { t } from "../i18n/cli";
import { CliFailure, EXIT } from "./io";
import { errnoOf, osFailure } from "./os-errors";

export function describeFailure(e: unknown, lang: Lang, file: string): string {
  if (e instanceof CliFailure) return e.message;
  if (isLedgerFileError(e)) return render(e.text, lang);
  if (errnoOf(e) !== undefined) return osFailure(e, pathOf(e) ?? file, lang).message;
  const why = e instanceof Error ? e.message : String(e);
  return t(lang, "internal", { file, why });
}

function pathOf(e: unknown): string | undefined {
  const p = (e as NodeJS.ErrnoException).path;
  return typeof p === "string" && p !== "" ? p : undefined;
}

export function exitCodeOf(e: unknown): number {
  return e instanceof CliFailure ? e.exitCode : EXIT.unusable;
}
