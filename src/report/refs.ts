// References to cells in other sheets, as Excel writes them: 'Sheet name'!A1.
export function sheetRef(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}
