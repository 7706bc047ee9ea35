// evaluate reads the ledger file twice — to check it, and to copy it into the result workbook — and
// holds nothing in between (src/cli/commands/evaluate.ts, ledgerSource). The copy must be of the very
// file that was checked.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ledgerSource } from "../../src/cli/commands/evaluate";
import { CliFailure } from "../../src/cli/io";

const dir = mkdtempSync(join(tmpdir(), "pl-source-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("the same file gives the same bytes each time it is read", async () => {
  const file = join(dir, "台账.xlsx");
  writeFileSync(file, Buffer.from("PK\u0003\u0004 unchanged"));
  const source = ledgerSource(file, "zh-CN");
  const first = await source();
  expect(await source()).toEqual(first);
  expect(await source()).toEqual(first);
});

test("a file changed after it was checked is not copied: the clerk is told why, in their language", async () => {
  const file = join(dir, "改过.xlsx");
  writeFileSync(file, Buffer.from("PK\u0003\u0004 before"));
  const zh = ledgerSource(file, "zh-CN");
  const en = ledgerSource(file, "en");
  await zh();
  await en();
  writeFileSync(file, Buffer.from("PK\u0003\u0004 after!")); // same length, other bytes
  await expect(zh()).rejects.toThrow(CliFailure);
  await expect(zh()).rejects.toThrow(/在考评过程中被修改.*未写出.*重新运行/);
  await expect(en()).rejects.toThrow(/changed while it was being evaluated/);
});
