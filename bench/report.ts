/**
 * The report (issue 15) for N units with awards: what publishing adds on top of a run, each
 * against a baseline measured in the same run.
 * - render: the output blocks with their report layout (titles, code column, highlights) vs
 *   evaluating the campaign (scoring, ranking, awards) — the run's own work;
 * - .xlsx: writing "Kết quả" and "Đề nghị khen thưởng" formatted (fonts, borders, print set-up,
 *   chart) vs the same values and number formats without the layout;
 * - .docx: the Word appendix of the same tables vs the formatted .xlsx;
 * - clipboard: the HTML and text of the results vs the formatted .xlsx.
 */
import { reportDocx } from '../docx';
import { evaluateCampaign } from '../shared/evaluate';
import { reportDocument } from '../shared/report/document';
import { reportHtml, reportText } from '../shared/report/html';
import { renderOutputs } from '../shared/workbook/render';
import { buildWorkbook } from '../xlsx/write';
import { withAwards } from './awards';
import { generateCampaign } from './generate';
import { fmt, row, time, timeAsync } from './timing';

export async function benchReport(sizes: number[]): Promise<void> {
  console.log('');
  console.log(
    'The report (issue 15): formatted sheets, Word appendix, clipboard; median of 5 runs',
  );
  row(['units', 'what', 'ms', 'baseline', 'base ms', 'ratio', 'bytes'], 14);
  for (const units of sizes) {
    const spec = withAwards(generateCampaign(units, 60, 7), 5);
    const evaluation = evaluateCampaign(spec);
    if (!evaluation.ok) throw new Error('benchmark campaign is invalid');
    const run = { time: '2026-12-07 09:00', hash: '0' };
    const evalMs = time(5, () => evaluateCampaign(spec));
    const renderMs = time(5, () => renderOutputs(evaluation, spec, undefined, run));
    row(
      [units, 'render', fmt(renderMs), 'evaluate', fmt(evalMs), fmt(renderMs / evalMs, 2), ''],
      14,
    );

    const blocks = renderOutputs(evaluation, spec, undefined, run).slice(0, 2);
    const bare = blocks.map(({ report: _r, chart: _c, highlights: _h, ...b }) => b);
    let xlsxBytes = 0;
    const xlsxMs = time(5, () => (xlsxBytes = buildWorkbook(blocks).length));
    const bareMs = time(5, () => buildWorkbook(bare));
    row(
      [units, '.xlsx', fmt(xlsxMs), 'no layout', fmt(bareMs), fmt(xlsxMs / bareMs, 2), xlsxBytes],
      14,
    );

    const document = reportDocument(evaluation, spec);
    let docxBytes = 0;
    const docxMs = await timeAsync(
      5,
      async () => (docxBytes = (await reportDocx(document)).length),
    );
    row(
      [units, '.docx', fmt(docxMs), '.xlsx', fmt(xlsxMs), fmt(docxMs / xlsxMs, 2), docxBytes],
      14,
    );

    const tables = document.appendices[0].tables;
    let htmlBytes = 0;
    const copyMs = time(5, () => {
      htmlBytes = reportHtml(tables, document.font).length;
      return reportText(tables);
    });
    row(
      [units, 'clipboard', fmt(copyMs), '.xlsx', fmt(xlsxMs), fmt(copyMs / xlsxMs, 2), htmlBytes],
      14,
    );
  }
}
