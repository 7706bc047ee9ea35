// Unusable input: always a LedgerFileError with the right code and a zh-CN message, never anything else.
import { CORPUS_DIR } from "../../corpus";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { LedgerFileError, type LedgerFileErrorCode } from "../../../src/hosts/xlsx/errors";
import { readXlsx } from "../../../src/hosts/xlsx/read";
import { readXlsxFile, readXlsxFileSync } from "../../../src/hosts/xlsx/read-file";
import { buildXlsx } from "./pkg";

const REAL = join(CORPUS_DIR, "test-issue-877.xlsx");
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function oleFile(streamNames: string[]): Uint8Array {
  const b = new Uint8Array(4096);
  b.set(OLE, 0);
  let at = 1024;
  for (const name of streamNames) {
    for (let i = 0; i < name.length; i++) {
      b[at + i * 2] = name.charCodeAt(i);
      b[at + i * 2 + 1] = 0;
    }
    at += 128;
  }
  return b;
}

function codeOf(f: () => unknown): LedgerFileErrorCode | "no error" {
  try {
    f();
    return "no error";
  } catch (e) {
    if (!(e instanceof LedgerFileError)) throw new Error(`not a LedgerFileError: ${String(e)}`, { cause: e });
    expect(e.text["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    expect(e.text.en.length).toBeGreaterThan(0);
    return e.code;
  }
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "pl-xlsx-err-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("readXlsx on bytes", () => {
  test("random bytes → not-xlsx", () => {
    const b = new Uint8Array(5000).map((_, i) => (i * 7919 + 13) % 251);
    expect(codeOf(() => readXlsx(b))).toBe("not-xlsx");
    expect(codeOf(() => readXlsx(strToU8("编号,姓名\n1,张三\n")))).toBe("not-xlsx");
  });

  test("empty → empty", () => {
    expect(codeOf(() => readXlsx(new Uint8Array(0)))).toBe("empty");
  });

  test("truncated zip → corrupt", () => {
    const real = readFileSync(REAL);
    for (const n of [real.length >> 1, 100, real.length - 10])
      expect({ n, code: codeOf(() => readXlsx(real.subarray(0, n))) }).toEqual({ n, code: "corrupt" });
  });

  test("damaged compressed data → corrupt", () => {
    const real = new Uint8Array(readFileSync(REAL));
    for (let i = 2000; i < 60000; i += 7) real[i] ^= 0x5a;
    expect(codeOf(() => readXlsx(real))).toBe("corrupt");
  });

  test("a zip without a workbook part → corrupt; another Office document → not-xlsx", () => {
    const noWb = zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "xl/worksheets/sheet1.xml": strToU8("<worksheet/>"),
    });
    expect(codeOf(() => readXlsx(noWb))).toBe("corrupt");
    const docx = zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "word/document.xml": strToU8("<w:document/>"),
    });
    expect(codeOf(() => readXlsx(docx))).toBe("not-xlsx");
  });

  test("a workbook whose sheet part is missing → corrupt", () => {
    const b = buildXlsx({ sheets: [{ name: "S", xml: "<sheetData/>" }] });
    const parts = unzipSync(b);
    delete parts["xl/worksheets/sheet1.xml"];
    expect(codeOf(() => readXlsx(zipSync(parts)))).toBe("corrupt");
  });

  test("OLE compound file → xls; with EncryptionInfo/EncryptedPackage streams → encrypted", () => {
    expect(codeOf(() => readXlsx(oleFile(["Workbook", "SummaryInformation"])))).toBe("xls");
    expect(codeOf(() => readXlsx(oleFile(["EncryptionInfo", "EncryptedPackage"])))).toBe("encrypted");
    expect(codeOf(() => readXlsx(oleFile(["EncryptedPackage"])))).toBe("encrypted");
  });

  test("over maxBytes → too-large", () => {
    const real = readFileSync(REAL);
    expect(codeOf(() => readXlsx(real, { maxBytes: 1000 }))).toBe("too-large");
    expect(codeOf(() => readXlsx(real))).toBe("no error");
  });

  test("messages say what to do", () => {
    expect(() => readXlsx(oleFile(["Workbook"]))).toThrow(
      expect.objectContaining({
        text: expect.objectContaining({
          "zh-CN": "这是旧版 Excel 97-2003（.xls）文件，请在 Excel 中另存为 .xlsx 后再试",
        }),
      }),
    );
    expect(() => readXlsx(oleFile(["EncryptionInfo"]))).toThrow(
      expect.objectContaining({
        text: expect.objectContaining({ "zh-CN": expect.stringContaining("取消密码") }),
      }),
    );
    expect(() => readXlsx(new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]))).toThrow(
      expect.objectContaining({
        code: "corrupt",
        text: expect.objectContaining({ "zh-CN": expect.stringContaining("另存为") }),
      }),
    );
  });
});

describe("readXlsxFile", () => {
  async function fileCode(path: string, opts = {}): Promise<LedgerFileErrorCode | "no error"> {
    const sync = codeOf(() => readXlsxFileSync(path, opts));
    try {
      await readXlsxFile(path, opts);
      expect(sync).toBe("no error");
      return "no error";
    } catch (e) {
      expect(e).toBeInstanceOf(LedgerFileError);
      expect((e as LedgerFileError).code).toBe(sync);
      return (e as LedgerFileError).code;
    }
  }

  test("missing path → not-found", async () => {
    expect(await fileCode(join(dir, "nope.xlsx"))).toBe("not-found");
    expect(await fileCode(join(dir, "nope", "deeper.xlsx"))).toBe("not-found");
  });

  test("a folder → not-xlsx", async () => {
    mkdirSync(join(dir, "folder.xlsx"));
    expect(await fileCode(join(dir, "folder.xlsx"))).toBe("not-xlsx");
  });

  test("size over maxBytes → too-large (checked before reading); empty file → empty", async () => {
    const p = join(dir, "real.xlsx");
    writeFileSync(p, readFileSync(REAL));
    expect(await fileCode(p, { maxBytes: 4096 })).toBe("too-large");
    expect(await fileCode(p)).toBe("no error");
    writeFileSync(join(dir, "empty.xlsx"), "");
    expect(await fileCode(join(dir, "empty.xlsx"))).toBe("empty");
  });

  test("files on disk: random bytes, truncated, .xls, encrypted", async () => {
    const cases: [string, Uint8Array, LedgerFileErrorCode][] = [
      ["random.xlsx", new Uint8Array(3000).map((_, i) => (i * 31) % 256), "not-xlsx"],
      ["half.xlsx", readFileSync(REAL).subarray(0, 70000), "corrupt"],
      ["old.xls", oleFile(["Workbook"]), "xls"],
      ["locked.xlsx", oleFile(["EncryptionInfo", "EncryptedPackage"]), "encrypted"],
    ];
    for (const [name, bytes, code] of cases) {
      const p = join(dir, name);
      writeFileSync(p, bytes);
      expect({ name, code: await fileCode(p) }).toEqual({ name, code });
    }
  });
});
