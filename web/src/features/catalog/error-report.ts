/** One cell of a CSV file: quoted when it holds a comma, quote or line break; formulas defused for spreadsheets. */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  // A cell starting with = + - @ would run as a formula when the file is opened in a spreadsheet.
  if (/^[=+\-@]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The import's row errors as a CSV file: UTF-8 with a byte-order mark (so Excel reads Thai correctly),
 * CRLF line ends, one error per line, headers in the reader's language.
 */
export function errorReportCsv(
  errors: { row: number; column: string | null; message: string }[],
  headers: [string, string, string],
): string {
  const lines = [headers.map(csvCell).join(',')];
  for (const e of errors) lines.push([e.row, e.column ?? '', e.message].map(csvCell).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** The name of the error report for an uploaded file: `courses.xlsx` → `courses-errors.csv`. */
export function errorReportName(fileName: string): string {
  const base = fileName.replace(/\.[^.]+$/, '') || 'import';
  return `${base}-errors.csv`;
}

/** Saves text as a file through the browser, without a round trip to the server. */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
