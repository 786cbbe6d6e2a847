import { describe, expect, it } from 'vitest';
import { csvCell, errorReportCsv, errorReportName } from './error-report.js';

describe('the import error report', () => {
  it('is UTF-8 CSV with a byte-order mark, CRLF lines and quoted cells where needed', () => {
    const csv = errorReportCsv(
      [
        { row: 3, column: 'skillAreas', message: 'unknown skill area "XX"' },
        { row: 1, column: null, message: 'missing columns: titleTh, hours' },
      ],
      ['แถว', 'คอลัมน์', 'ข้อผิดพลาด'],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'แถว,คอลัมน์,ข้อผิดพลาด',
      '3,skillAreas,"unknown skill area ""XX"""',
      '1,,"missing columns: titleTh, hours"',
      '',
    ]);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('keeps a spreadsheet from running a cell as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(12)).toBe('12');
  });

  it('is named after the uploaded file', () => {
    expect(errorReportName('courses-2565.xlsx')).toBe('courses-2565-errors.csv');
    expect(errorReportName('.csv')).toBe('import-errors.csv');
  });
});
