// 公民身份号码 (GB 11643-1999): 18 characters, ISO 7064 MOD 11-2 check digit, birth date at 7–14,
// sex in the 17th digit (odd = 男).
import { type Day, dayFromYMD } from "../dates";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = "10X98765432";

export function checkDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export type IdCardProblem = "length" | "chars" | "birth" | "checksum";

export interface IdCardInfo {
  problem?: IdCardProblem;
  birth?: Day;
  sex?: "男" | "女";
}

export function parseIdCard(id: string): IdCardInfo {
  if (id.length !== 18) return { problem: "length" };
  if (!/^\d{17}[\dX]$/.test(id)) return { problem: "chars" };
  const birth = dayFromYMD(+id.slice(6, 10), +id.slice(10, 12), +id.slice(12, 14));
  if (birth === undefined) return { problem: "birth" };
  if (checkDigit(id.slice(0, 17)) !== id[17]) return { problem: "checksum" };
  return { birth, sex: +id[16] % 2 === 1 ? "男" : "女" };
}

export const ID_PROBLEM_TEXT: Record<IdCardProblem, string> = {
  length: "不是18位",
  chars: "含有数字和末位 X 以外的字符",
  birth: "中的出生日期无效",
  checksum: "校验码不正确",
};
