// Typed errors for workbook files that cannot be read. Every failure of the xlsx host's readers is a
// LedgerFileError; the CLI and the task pane show `messageZh` (one line, saying what the clerk should do).

export type LedgerFileErrorCode =
  "not-found" | "not-xlsx" | "xls" | "encrypted" | "corrupt" | "too-large" | "empty";

export class LedgerFileError extends Error {
  readonly code: LedgerFileErrorCode;
  readonly messageZh: string;
  readonly messageEn: string;

  constructor(
    code: LedgerFileErrorCode,
    messageZh: string,
    messageEn: string,
    options?: { cause?: unknown },
  ) {
    super(messageEn, options);
    this.name = "LedgerFileError";
    this.code = code;
    this.messageZh = messageZh;
    this.messageEn = messageEn;
  }
}

export function isLedgerFileError(e: unknown): e is LedgerFileError {
  return e instanceof LedgerFileError;
}

function mb(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);
}

/** The standard error for each code; `detail` (a path, a reason) goes into the English message only. */
export function ledgerFileError(
  code: LedgerFileErrorCode,
  detail?: { path?: string; size?: number; max?: number; reason?: string; cause?: unknown },
): LedgerFileError {
  const where = detail?.path ? `：${detail.path}` : "";
  const whereEn = detail?.path ? `: ${detail.path}` : "";
  const why = detail?.reason ? ` (${detail.reason})` : "";
  const opts = detail?.cause !== undefined ? { cause: detail.cause } : undefined;
  switch (code) {
    case "not-found":
      return new LedgerFileError(
        code,
        `找不到文件${where}，请检查文件名和所在文件夹是否正确`,
        `File not found${whereEn}`,
        opts,
      );
    case "not-xlsx":
      return new LedgerFileError(
        code,
        `这不是 Excel 工作簿（.xlsx）文件${where}，请选择台账的 .xlsx 文件，或在 Excel 中另存为 .xlsx 后再试`,
        `Not an Excel .xlsx workbook${whereEn}${why}`,
        opts,
      );
    case "xls":
      return new LedgerFileError(
        code,
        "这是旧版 Excel 97-2003 (.xls) 文件，请在 Excel 中另存为 .xlsx 后再试",
        `This is a legacy Excel 97-2003 (.xls) file${whereEn}; save it as .xlsx in Excel and try again`,
        opts,
      );
    case "encrypted":
      return new LedgerFileError(
        code,
        "文件设有打开密码，请在 Excel 中取消密码（文件→信息→保护工作簿）后另存再试",
        `The workbook is password-protected${whereEn}; remove the password in Excel (File → Info → Protect Workbook), save and try again`,
        opts,
      );
    case "corrupt":
      return new LedgerFileError(
        code,
        `文件已损坏或不完整${where}，无法读取。请用 Excel 打开该文件（如提示修复请选择“是”），再另存为 .xlsx 后重试`,
        `The workbook is damaged or incomplete${whereEn}${why}; open it in Excel (let Excel repair it), save it as .xlsx and try again`,
        opts,
      );
    case "too-large": {
      const size = detail?.size !== undefined ? `（${mb(detail.size)} MB）` : "";
      const max = detail?.max !== undefined ? `，上限为 ${mb(detail.max)} MB` : "";
      return new LedgerFileError(
        code,
        `文件过大${size}${max}。请删除与台账无关的工作表、图片后另存，或按单位拆分成几个文件再试`,
        `The file is too large (${[
          detail?.size !== undefined ? `${mb(detail.size)} MB` : "",
          detail?.max !== undefined ? `limit ${mb(detail.max)} MB` : "",
        ]
          .filter(Boolean)
          .join(", ")})${why}`,
        opts,
      );
    }
    case "empty":
      return new LedgerFileError(
        code,
        `文件是空的（0 字节）${where}，请确认选择了正确的台账文件`,
        `The file is empty${whereEn}`,
        opts,
      );
  }
}
