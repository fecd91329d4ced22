/**
 * `npm run demo`: scores and ranks the bundled An Giang 2018-shaped campaign and prints the
 * result table of each block, as the report will show it (decimal comma, 2 decimals).
 * Until the CLI lands this is the product's main job on any machine.
 */
import {
  awardTable,
  evaluateCampaign,
  formatIssue,
  resultTables,
  toMicro,
  formatMicro,
} from '../shared';
import type { CampaignSpec, CellValue } from '../shared';
import { anGiang2018 } from './an-giang-2018';
import { currentShape2025 } from './current-shape';
import { ninhThuan2020 } from './ninh-thuan-2020';

const campaigns: Record<string, CampaignSpec> = {
  'an-giang-2018': anGiang2018,
  'current-shape': currentShape2025,
  'ninh-thuan-2020': ninhThuan2020,
};

function cellText(value: CellValue, format: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && format.startsWith('0.')) {
    return formatMicro(toMicro(value), format.length - 2);
  }
  return String(value);
}

/** A plain-text table: numbers right-aligned, text left-aligned. */
function textTable(header: string[], rows: CellValue[][], formats: string[]): string {
  const cells = [header, ...rows.map((r) => r.map((v, i) => cellText(v, formats[i] ?? '@')))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => [...(r[i] ?? '')].length)));
  const pad = (text: string, i: number, numeric: boolean): string => {
    const gap = ' '.repeat(widths[i] - [...text].length);
    return numeric ? gap + text : text + gap;
  };
  const line = (r: string[], isHeader: boolean): string =>
    r.map((t, i) => pad(t, i, !isHeader && formats[i] !== '@')).join(' | ');
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  return [line(cells[0], true), rule, ...cells.slice(1).map((r) => line(r, false))].join('\n');
}

function main(): number {
  const name = process.argv[2] ?? 'an-giang-2018';
  const spec = campaigns[name];
  if (!spec) {
    console.error(`Không có ví dụ "${name}". Có: ${Object.keys(campaigns).join(', ')}`);
    return 2;
  }
  const evaluation = evaluateCampaign(spec);
  for (const w of evaluation.warnings) console.error(`Cảnh báo — ${formatIssue(w)}`);
  if (!evaluation.ok) {
    for (const e of evaluation.errors) console.error(`Lỗi — ${formatIssue(e)}`);
    return 1;
  }
  console.log(`${spec.name} (${spec.year})\n`);
  for (const table of resultTables(evaluation)) {
    // Field columns are long in the report; the terminal shows their codes only.
    const header = table.header.map((h) => h.replace(/^(\d+)\. .*/, 'LV $1'));
    console.log(table.title);
    console.log(textTable(header, table.rows, table.formats));
    console.log('');
  }
  if (evaluation.awards) {
    const proposals = awardTable(evaluation, spec);
    console.log('Đề nghị khen thưởng');
    console.log(textTable(proposals.header, proposals.rows, proposals.formats));
    console.log('');
  }
  return 0;
}

process.exitCode = main();
