/**
 * `npm run examples`: writes the bundled example workbooks (examples/*.xlsx) from the example
 * campaigns in this folder, reproducibly. Each is a complete campaign in the workbook format
 * (docs/workbook-format.md), ready for `xephang rank`.
 */
import path from 'path';
import { inputSheets, type CampaignSpec } from '../shared';
import { writeFileAtomic } from '../cli/files';
import { buildWorkbook } from '../xlsx';
import { anGiang2018 } from './an-giang-2018';
import { currentShape2025 } from './current-shape';
import { nhapDiem2024 } from './nhap-diem-2024';
import { ninhThuan2020 } from './ninh-thuan-2020';
import { tinh2025 } from './tinh-2025';
import { yearOverYear2024, yearOverYear2025 } from './year-over-year';

export const WORKBOOKS: Record<string, CampaignSpec> = {
  'an-giang-2018': anGiang2018,
  'ninh-thuan-2020': ninhThuan2020,
  'current-shape': currentShape2025,
  'tinh-2025': tinh2025(),
  'nhap-diem-2024': nhapDiem2024,
  'nam-2024': yearOverYear2024,
  'nam-2025': yearOverYear2025,
};

if (require.main === module) {
  for (const [name, spec] of Object.entries(WORKBOOKS)) {
    const file = path.join(__dirname, `${name}.xlsx`);
    writeFileAtomic(file, buildWorkbook(inputSheets(spec)));
    console.log(`Đã ghi ${path.relative(process.cwd(), file)}`);
  }
}
