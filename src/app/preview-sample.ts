// 载入示例台账 in browser preview: the small generated sample (the CLI's `sample --size small`),
// written to .xlsx bytes with ExcelJS — both in lazy chunks, loaded only when the button is pressed.
export async function sampleLedgerBytes(): Promise<Uint8Array> {
  const [{ generateLedger, SMALL_SAMPLE }, { writeSheetModels }] = await Promise.all([
    import(/* webpackChunkName: "sample" */ "../samples/generate"),
    import(/* webpackChunkName: "exceljs" */ "../hosts/xlsx/write"),
  ]);
  return writeSheetModels(generateLedger(SMALL_SAMPLE).models);
}
