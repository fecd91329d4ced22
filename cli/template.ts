/**
 * `xephang template`: a fresh campaign workbook — the input sheets of the workbook format with
 * a starter criteria tree, blocks, bands and N unit columns, or one of the bundled examples.
 */
import { formatIssue, formatMessage, vi, type CampaignSpec } from '../shared';
import { extensionIssue, MAX_UNIT_COLUMNS, problemMessage } from './workbook';
import { starterCampaign, templateSheets } from '../shared/workbook/template';
import { anGiang2018 } from '../examples/an-giang-2018';
import { currentShape2025 } from '../examples/current-shape';
import { nhapDiem2024 } from '../examples/nhap-diem-2024';
import { ninhThuan2020 } from '../examples/ninh-thuan-2020';
import { buildWorkbook } from '../xlsx';
import { writeFileAtomic } from './files';
import { XlsxError } from '../xlsx/types';

/** The units a template holds: one column each on "Chấm điểm", up to Excel's column XFD. */
export const MAX_TEMPLATE_UNITS = MAX_UNIT_COLUMNS;

export const EXAMPLES: Record<string, CampaignSpec> = {
  'an-giang-2018': anGiang2018,
  'ninh-thuan-2020': ninhThuan2020,
  'current-shape': currentShape2025,
  'nhap-diem-2024': nhapDiem2024,
};

/** Writes the template; returns a Vietnamese problem or undefined. */
export function writeTemplate(
  path: string,
  options: { units: number; example?: string },
): string | undefined {
  let spec: CampaignSpec;
  if (options.example !== undefined) {
    const found = EXAMPLES[options.example];
    if (!found)
      return formatMessage(vi.cli.unknownExample, {
        name: options.example,
        examples: Object.keys(EXAMPLES).join(', '),
      });
    spec = found;
  } else spec = starterCampaign(options.units, new Date().getFullYear());
  // a template has no macros: an .xlsm name would not open in Excel
  const misnamed = extensionIssue(false, path);
  if (misnamed) return formatIssue(misnamed);
  try {
    writeFileAtomic(path, buildWorkbook(templateSheets(spec)));
  } catch (e) {
    if (e instanceof XlsxError) return problemMessage(e);
    throw e;
  }
  return undefined;
}
