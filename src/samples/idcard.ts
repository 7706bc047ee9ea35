// 18-character citizen ID numbers (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit
// sequence whose last digit is odd for men and even for women, and an ISO 7064 MOD 11-2 check character.
import { type Day, ymd, dayFromYMD } from "../engine/dates";
import { checkDigit } from "../engine/rules/idcard";

/** 历城区, 济南市, 山东省. */
export const LICHENG_REGION = "370112";

/** The check character for the first 17 digits (the engine's own, so sample and check agree). */
export const idCheckChar = checkDigit;

export function isValidIdCard(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  return idCheckChar(id.slice(0, 17)) === id[17];
}

/** Builds an ID: `seq` is 0–999; its last digit must already have the right parity for the sex. */
export function makeIdCard(region: string, birth: Day, seq: number): string {
  const { y, m, d } = ymd(birth);
  const first17 =
    region +
    String(y) +
    String(m).padStart(2, "0") +
    String(d).padStart(2, "0") +
    String(seq).padStart(3, "0");
  return first17 + idCheckChar(first17);
}

/** The birth date inside an ID, or undefined. */
export function idBirth(id: string): Day | undefined {
  if (id.length !== 18) return undefined;
  return dayFromYMD(+id.slice(6, 10), +id.slice(10, 12), +id.slice(12, 14));
}

/** 男 when the 17th digit is odd, 女 when even. */
export function idSex(id: string): "男" | "女" | undefined {
  const c = id.charCodeAt(16) - 48;
  if (!(c >= 0 && c <= 9)) return undefined;
  return c % 2 === 1 ? "男" : "女";
}
