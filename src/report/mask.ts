// 身份证号 never appears in full in a result sheet: keep the region (6) and the last 4 characters.
const ID_LIKE = /\d{6}(?:\d{8}|\d{6})\d{0,3}[\dXx]/g;

export function maskIdCard(s: string): string {
  return s.replace(ID_LIKE, (m) =>
    m.length >= 15 ? m.slice(0, 6) + "*".repeat(m.length - 10) + m.slice(-4) : m,
  );
}
