/** Issues as a terminal table: (file and) sheet, cell, Vietnamese message. */
import { cellAddress, formatIssue, formatLocation, vi, type Issue } from '../shared';
import { textTable } from './text';

const T = vi.cli.table;

export function issueTable(issues: readonly Issue[]): string {
  const rows = issues.map((i) => {
    const cell = i.at.cell;
    const where = cell ? '' : formatLocation(i.at);
    const message = formatIssue(i).slice(formatLocation(i.at).length + 2);
    return [
      i.severity === 'error' ? T.error : T.warning,
      // A form's cell names its file too ("DV001.xlsx › Phiếu tự chấm").
      cell ? (i.at.file ? `${i.at.file} › ${cell.sheet}` : cell.sheet) : '',
      cell ? cellAddress(cell) : where,
      message,
    ];
  });
  return textTable([T.level, T.sheet, T.cell, T.message], rows, []);
}
