// "Cấu hình": settings, components, blocks, appraisers, awards, gates and council choices.
import type { AwardTypeSpec, AwardsSpec, CouncilChoice, GateSpec } from '../../awards/types';
import { vi } from '../../i18n/vi';
import { error, type Issue } from '../../model/issues';
import type {
  AppraiserSpec,
  BandSpec,
  BlockSpec,
  CellRef,
  CellValue,
  ComponentSpec,
  Settings,
  TieBreakSpec,
} from '../../model/types';
import { parseReportFont, REPORT_FONT_SIZES } from '../../model/settings';
import { labelKey } from '../../scoring/cells';
import {
  cellAt,
  dateOf,
  type DateSystem,
  headerColumns,
  isBlankRow,
  listOf,
  numberOf,
  ref,
  requireHeaders,
  shareOf,
  text,
  type Grid,
} from '../grid';
import { at, choiceOf, flagId, measureId } from './common';

const W = vi.workbook;
const S = W.sheets;
const H = W.headers;
const D = vi.dossier;

/**
 * "Hạn nộp hồ sơ tính": true for "Trước ngày", false for "Đến hết ngày"; anything else is an
 * error at its cell (undefined).
 */
function dossierRule(
  value: CellValue,
  sheet: string,
  r: number,
  c: number,
  issues: Issue[],
): boolean | undefined {
  const rule = choiceOf(D.rules, text(value));
  if (rule === undefined)
    issues.push(
      error(
        'unknownChoice',
        { value: text(value), choices: Object.values(D.rules).join(' / ') },
        at(sheet, r, c),
      ),
    );
  return rule === undefined ? undefined : rule === 'before';
}

/** Sets the rule read from "Hạn nộp hồ sơ tính" on the dossier gate (none: nothing to set). */
function applyDossierRule(gates: GateSpec[], before: boolean | undefined): void {
  const gate = gates.find((g) => g.kind === 'dossier');
  if (gate?.kind === 'dossier' && before) gate.before = true;
}

/** What a bands text reads as: the bands, or the one message to give. */
export type BandsRead =
  | { ok: true; bands: BandSpec[] }
  | { ok: false; key: 'badBands' | 'bandNoThreshold'; params: Record<string, unknown> };

/**
 * "Tốt ≥ 90; Khá ≥ 80; Trung bình ≥ 50; Yếu" → bands. Only the last may have no threshold (it
 * takes every lower index): a band without one before it ("Xuất sắc: 90; Tốt: 80; Khá") is one
 * message naming that band and how to write it ("Xuất sắc ≥ 90"), never a threshold of −∞.
 */
export function readBands(value: string): BandsRead {
  const out: BandSpec[] = [];
  const parts = value
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean);
  for (const [i, part] of parts.entries()) {
    const m = /^(.*?)\s*(?:≥|>=)\s*(-?\d+(?:[.,]\d+)?)$/.exec(part);
    if (m) out.push({ label: m[1].trim(), min: Number(m[2].replace(',', '.')) });
    else if (/[≥>=]/.test(part)) return { ok: false, key: 'badBands', params: { value } };
    else if (i < parts.length - 1) {
      return { ok: false, key: 'bandNoThreshold', params: bandNoThreshold(part) };
    } else out.push({ label: part, min: Number.NEGATIVE_INFINITY });
  }
  return out.length > 0
    ? { ok: true, bands: out }
    : { ok: false, key: 'badBands', params: { value } };
}

/** The message's parameters for a band typed without "≥": "Xuất sắc: 90" → "Xuất sắc ≥ 90". */
export function bandNoThreshold(label: string): Record<string, unknown> {
  const m = /^(.*?\S)\s*(?:[:=]\s*|\s)(-?\d+(?:[.,]\d+)?)$/.exec(label);
  return { label, example: m ? `${m[1]} ≥ ${m[2]}` : `${label} ≥ 90` };
}

/** The bands of a text, or undefined when it does not read (see readBands for the message). */
export function parseBands(value: string): BandSpec[] | undefined {
  const read = readBands(value);
  return read.ok ? read.bands : undefined;
}

/** "Lĩnh vực 2; Thành phần sipas; Ít điểm trừ" → tie-break keys. */
export function parseTieBreak(value: string): TieBreakSpec[] | undefined {
  const t = W.choices.tieBreak;
  const out: TieBreakSpec[] = [];
  for (const part of value
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const key = labelKey(part);
    if (key.startsWith(labelKey(t.field) + ' '))
      out.push({ by: 'field', code: part.slice(t.field.length).trim() });
    else if (key.startsWith(labelKey(t.component) + ' ')) {
      out.push({ by: 'component', id: part.slice(t.component.length).trim() });
    } else if (key === labelKey(t.total)) out.push({ by: 'total' });
    else if (key === labelKey(t.self)) out.push({ by: 'self' });
    else if (key === labelKey(t.fewerDeductions)) out.push({ by: 'fewerDeductions' });
    else return undefined;
  }
  return out;
}

/** Splits "Cấu hình" into its sections: title → first row index after the title. */
function sections(grid: Grid): Map<string, number> {
  const titles = new Map(Object.entries(W.sections).map(([k, v]) => [labelKey(v), k]));
  const out = new Map<string, number>();
  grid.forEach((row, r) => {
    const name = titles.get(labelKey(text(row?.[0])));
    if (name !== undefined && isBlankRow(row?.slice(1))) out.set(name, r + 1);
  });
  return out;
}

/**
 * The non-blank rows of a section, from `start` to the next section title: blank rows inside a
 * section are skipped, not taken as its end (people space a long list out; ending the section
 * there would drop the rows after it without a word).
 */
function sectionRows(grid: Grid, start: number, titles: Set<number>): number[] {
  const rows: number[] = [];
  for (let r = start; r < grid.length && !titles.has(r); r++) {
    if (!isBlankRow(grid[r])) rows.push(r);
  }
  return rows;
}

/** What "Cấu hình" says, and where each setting's value cell is. */
export interface ConfigResult {
  /** The value cell of each setting, by settings field name. */
  settingCells: Record<string, CellRef>;
  id: string;
  name: string;
  year: number;
  settings: Partial<Settings>;
  components: ComponentSpec[];
  blocks: BlockSpec[];
  awards?: AwardsSpec;
  appraisers: AppraiserSpec[];
}

function gateFromKey(
  key: string,
  value: CellValue,
  sheet: string,
  r: number,
  c: number,
  issues: Issue[],
  dates: DateSystem,
  /** The key's column: an unknown key is reported there (the value's column otherwise). */
  keyCol = c,
): GateSpec[] {
  const g = W.gates;
  const here = at(sheet, r, c);
  const name = choiceOf(g, key) ?? choiceOf(D.gates, key);
  const bad = (): GateSpec[] => {
    issues.push(error('badGateText', { value: `${key}: ${text(value)}` }, here));
    return [];
  };
  switch (name) {
    case 'registration': {
      const d = dateOf(value, dates);
      return d ? [{ kind: 'registration', deadline: d }] : bad();
    }
    case 'dossier': {
      const d = dateOf(value, dates);
      return d ? [{ kind: 'dossier', deadline: d }] : bad();
    }
    case 'dossierRule':
      return []; // read together with 'dossier' (dossierRule)
    case 'discipline': {
      const s = shareOf(value);
      return s === undefined ? bad() : [{ kind: 'discipline', maxShare: s }];
    }
    case 'parentDiscipline':
      return []; // read together with 'discipline' below
    case 'classification':
      return listOf(value).length ? [{ kind: 'classification', allowed: listOf(value) }] : bad();
    case 'minIndex': {
      const n = numberOf(value);
      return n === undefined ? bad() : [{ kind: 'minIndex', min: n }];
    }
    case 'flags':
      return listOf(value).map((f) => ({ kind: 'flag', flag: flagId(f) }));
    case 'improvement':
      return listOf(value).length
        ? [{ kind: 'improvement', measures: listOf(value).map(measureId) }]
        : bad();
    default:
      issues.push(error('unknownSetting', { key }, at(sheet, r, keyCol)));
      return [];
  }
}

/** "Chỉ số ≥ 90; Xếp loại được xét = Tốt" → the gates of one award. */
function awardGates(
  value: CellValue,
  sheet: string,
  r: number,
  c: number,
  issues: Issue[],
  dates: DateSystem,
): GateSpec[] {
  const out: GateSpec[] = [];
  let before: boolean | undefined;
  for (const part of text(value)
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(.*?)\s*(?:=|:|≥|>=)\s*(.+)$/.exec(part);
    if (!m) {
      issues.push(error('badGateText', { value: part }, at(sheet, r, c)));
      continue;
    }
    const key = labelKey(m[1]) === labelKey('Chỉ số') ? W.gates.minIndex : m[1];
    if (choiceOf(D.gates, key) === 'dossierRule') before = dossierRule(m[2], sheet, r, c, issues);
    else out.push(...gateFromKey(key, m[2], sheet, r, c, issues, dates));
  }
  applyDossierRule(out, before);
  return out;
}

/**
 * A count for every block ("3") or per block id ("so: 3; huyen: 3"), as quotas and runners-up
 * are given; undefined for a blank cell. A part that does not read is an error at the cell.
 */
function perBlockCount(
  value: CellValue,
  sheet: string,
  r: number,
  c: number,
  issues: Issue[],
): number | Record<string, number> | undefined {
  if (text(value) === '') return undefined;
  const n = numberOf(value);
  if (n !== undefined) return n;
  const per: Record<string, number> = {};
  for (const part of listOf(value)) {
    const m = /^(.+?)\s*[:=]\s*(\d+)$/.exec(part);
    if (m) per[m[1].trim()] = Number(m[2]);
    else issues.push(error('badNumber', { value: part }, at(sheet, r, c)));
  }
  return per;
}

/** Settings whose value is one of a fixed list of labels in vi.workbook.choices. */
const CHOICE_SETTINGS = [
  'scoreSource',
  'naPolicy',
  'blankPolicy',
  'rankBy',
  'appraisalCombine',
  'evidencePolicy',
] as const;

function isChoiceSetting(name: string | undefined): name is (typeof CHOICE_SETTINGS)[number] {
  return (CHOICE_SETTINGS as readonly (string | undefined)[]).includes(name);
}

/**
 * "Cấu hình": the settings rows, then the titled sections, each a table or key-value rows.
 * Date serials count in `dates`, the workbook's date system.
 */
export function parseConfig(grid: Grid, issues: Issue[], dates: DateSystem = 1900): ConfigResult {
  const sheet = S.config;
  const found = sections(grid);
  const titleRows = new Set([...found.values()].map((r) => r - 1));
  const out: ConfigResult = {
    settingCells: {},
    id: '',
    name: '',
    year: 0,
    settings: {},
    components: [],
    blocks: [],
    appraisers: [],
  };
  // Key/value rows (column A the key, B its value) of `rows`, leaving out the header row
  // "Mục | Giá trị" (written since issue 16 under each key/value title; older workbooks have none,
  // and a row typed above it does not make it a key).
  const isKeyValueHeader = (r: number): boolean =>
    labelKey(text(cellAt(grid, r, 0))) === labelKey(H.settingKey) &&
    labelKey(text(cellAt(grid, r, 1))) === labelKey(H.settingValue);
  const keyValues = (rows: number[]): [string, CellValue, number][] =>
    rows
      .filter((r) => !isKeyValueHeader(r))
      .map((r) => [text(cellAt(grid, r, 0)), cellAt(grid, r, 1), r]);

  // Settings: the rows before any title, and the THIẾT LẬP section.
  const first = Math.min(...[...titleRows, grid.length]);
  const before: number[] = [];
  for (let r = 0; r < first; r++) if (!isBlankRow(grid[r])) before.push(r);
  const settingRows = keyValues(before);
  if (found.has('settings'))
    settingRows.push(...keyValues(sectionRows(grid, found.get('settings') as number, titleRows)));
  const C = W.choices;
  let runnersUp: AwardsSpec['runnersUpPerBlock'];
  let unfilled: AwardsSpec['unfilled'];
  for (const [key, value, r] of settingRows) {
    const here = at(sheet, r, 1);
    const v = text(value);
    const name =
      choiceOf(W.settings, key) ??
      choiceOf(vi.reportLayout.settings, key) ??
      choiceOf(vi.previousYear.settings, key);
    if (name) out.settingCells[name] = ref(sheet, r, 1);
    const pick = <T extends string>(labels: Record<T, string>): T | undefined => {
      const c = choiceOf(labels, v);
      if (c === undefined)
        issues.push(
          error('unknownChoice', { value: v, choices: Object.values(labels).join(' / ') }, here),
        );
      return c;
    };
    if (isChoiceSetting(name)) {
      // One of a fixed list of labels ("Chỉ số" / "Tổng điểm"): the same reading for each.
      const choice = pick(C[name] as Record<string, string>);
      if (choice) (out.settings as Record<string, unknown>)[name] = choice;
      continue;
    }
    switch (name) {
      case 'id':
        out.id = v;
        break;
      case 'name':
        out.name = v;
        break;
      case 'year':
      case 'decimals': {
        const n = numberOf(value);
        if (n === undefined) issues.push(error('badNumber', { value: v }, here));
        else if (name === 'year') out.year = n;
        else out.settings.decimals = n;
        break;
      }
      case 'runnersUp':
        // A number for every block, or per block like a quota: "so: 2; huyen: 1".
        runnersUp = perBlockCount(value, sheet, r, 1, issues);
        break;
      case 'appraisalMaxSpread': {
        if (v === '') break;
        const n = numberOf(value);
        if (n === undefined) issues.push(error('badNumber', { value: v }, here));
        else out.settings.appraisalMaxSpread = n;
        break;
      }
      case 'method': {
        const method = pick(C.method);
        if (method)
          out.settings.ranking = { method, tieBreak: out.settings.ranking?.tieBreak ?? [] };
        break;
      }
      case 'tieBreak': {
        const keys = parseTieBreak(v);
        if (!keys) issues.push(error('badTieBreak', { value: v }, here));
        else
          out.settings.ranking = {
            method: out.settings.ranking?.method ?? 'competition',
            tieBreak: keys,
          };
        break;
      }
      case 'bands': {
        const bands = readBands(v);
        if (!bands.ok) issues.push(error(bands.key, bands.params, here));
        else out.settings.bands = bands.bands;
        break;
      }
      case 'unfilled':
        unfilled = pick(C.unfilled);
        break;
      case 'formsDeadline': {
        if (v === '') break; // no deadline
        const d = dateOf(value, dates);
        if (d === undefined) issues.push(error('badDate', { value: v }, here));
        else out.settings.formsDeadline = d;
        break;
      }
      case 'reportFont': {
        // Blank: the default font; anything else must read as "name size".
        if (v === '') break;
        const font = parseReportFont(v);
        if (!font) issues.push(error('badReportFont', { value: v, ...REPORT_FONT_SIZES }, here));
        else out.settings.reportFont = font;
        break;
      }
      case 'previousMerge': {
        // Blank: the default (the mean).
        if (v === '') break;
        const merge = pick(vi.previousYear.choices.previousMerge);
        if (merge) out.settings.previousMerge = merge;
        break;
      }
      case 'reportSubtitle':
      case 'issuerParent':
      case 'issuer':
        // Free text; blank = none.
        if (v !== '') out.settings[name] = v;
        break;
      default:
        if (key !== '') issues.push(error('unknownSetting', { key }, at(sheet, r, 0)));
    }
  }

  // Tables: a header row right after the title, then one row per item.
  const table = (
    section: string,
    labels: Record<string, string>,
    required: string[],
  ): { rows: number[]; cols: Record<string, number> } | undefined => {
    const title = found.get(section);
    if (title === undefined) return undefined;
    // the header: the first non-blank row under the title
    const [start = title, ...rows] = sectionRows(grid, title, titleRows);
    const cols = headerColumns(grid[start], labels);
    issues.push(...requireHeaders(sheet, start, cols, labels, required));
    // Every item fills its required columns: a row without them is a mistake or a note typed
    // under the table, and either way not an item to take silently.
    for (const r of rows) {
      for (const key of required) {
        if (cols[key] >= 0 && text(cellAt(grid, r, cols[key])) === '') {
          issues.push(error('missingValue', { header: labels[key] }, at(sheet, r, cols[key])));
        }
      }
    }
    return { rows, cols };
  };

  const comps = table('components', { code: H.code, name: H.name, max: H.max }, ['code', 'max']);
  for (const r of comps?.rows ?? []) {
    const cols = comps!.cols;
    const max = numberOf(cellAt(grid, r, cols.max));
    if (max === undefined && text(cellAt(grid, r, cols.max)) !== '')
      issues.push(
        error('badNumber', { value: text(cellAt(grid, r, cols.max)) }, at(sheet, r, cols.max)),
      );
    out.components.push({
      id: text(cellAt(grid, r, cols.code)),
      name: text(cellAt(grid, r, cols.name)) || text(cellAt(grid, r, cols.code)),
      max: max ?? 0,
      source: ref(sheet, r, cols.code),
    });
  }

  const blocks = table('blocks', { code: H.code, name: H.name, bands: H.bands }, ['code', 'name']);
  for (const r of blocks?.rows ?? []) {
    const cols = blocks!.cols;
    const bandsText = cols.bands >= 0 ? text(cellAt(grid, r, cols.bands)) : '';
    const read = bandsText ? readBands(bandsText) : undefined;
    if (read && !read.ok) issues.push(error(read.key, read.params, at(sheet, r, cols.bands)));
    const bands = read?.ok ? read.bands : undefined;
    out.blocks.push({
      id: text(cellAt(grid, r, cols.code)),
      name: text(cellAt(grid, r, cols.name)),
      ...(bands ? { bands } : {}),
      source: ref(sheet, r, cols.code),
    });
  }

  // The appraisal council: Mã, Họ và tên, Đơn vị công tác (the unit it may not score).
  const panel = table('appraisers', { code: H.code, name: H.person, unit: H.workplace }, [
    'code',
    'name',
  ]);
  for (const r of panel?.rows ?? []) {
    const cols = panel!.cols;
    const unit = cols.unit >= 0 ? text(cellAt(grid, r, cols.unit)) : '';
    out.appraisers.push({
      id: text(cellAt(grid, r, cols.code)),
      name: text(cellAt(grid, r, cols.name)),
      ...(unit ? { unit } : {}),
      source: ref(sheet, r, cols.code),
      ...(cols.unit >= 0 ? { cells: { unit: ref(sheet, r, cols.unit) } } : {}),
    });
  }

  const awardTable = table(
    'awards',
    { code: H.code, name: H.name, quota: H.quota, cap: H.cap, gates: H.awardGates },
    ['code', 'name'],
  );
  const gateRows = found.has('gates')
    ? keyValues(sectionRows(grid, found.get('gates') as number, titleRows))
    : [];
  const choiceTable = table('choices', { award: H.award, block: H.block, chosen: H.chosen }, [
    'award',
    'chosen',
  ]);
  if (awardTable || gateRows.length > 0) {
    const awards: AwardTypeSpec[] = [];
    for (const r of awardTable?.rows ?? []) {
      const cols = awardTable!.cols;
      const quotaPerBlock =
        cols.quota >= 0
          ? perBlockCount(cellAt(grid, r, cols.quota), sheet, r, cols.quota, issues)
          : undefined;
      const capCell = cols.cap >= 0 ? cellAt(grid, r, cols.cap) : null;
      const cap = text(capCell) === '' ? undefined : numberOf(capCell);
      if (text(capCell) !== '' && cap === undefined)
        issues.push(error('badNumber', { value: text(capCell) }, at(sheet, r, cols.cap)));
      const gates =
        cols.gates >= 0
          ? awardGates(cellAt(grid, r, cols.gates), sheet, r, cols.gates, issues, dates)
          : [];
      awards.push({
        id: text(cellAt(grid, r, cols.code)),
        name: text(cellAt(grid, r, cols.name)),
        ...(quotaPerBlock !== undefined ? { quotaPerBlock } : {}),
        ...(cap !== undefined ? { cap } : {}),
        ...(gates.length ? { gates } : {}),
        source: ref(sheet, r, cols.code),
      });
    }
    const gates: GateSpec[] = [];
    let parentShare: number | undefined;
    let dossierBefore: boolean | undefined;
    for (const [key, value, r] of gateRows) {
      const known = choiceOf(W.gates, key) ?? choiceOf(D.gates, key);
      // A gate with no value is not applied (the template lists every gate, empty).
      if (text(value) === '' && known !== undefined) continue;
      if (known === 'dossierRule') dossierBefore = dossierRule(value, sheet, r, 1, issues);
      else if (known === 'parentDiscipline') {
        parentShare = shareOf(value);
        if (parentShare === undefined)
          issues.push(error('badGateText', { value: `${key}: ${text(value)}` }, at(sheet, r, 1)));
      } else gates.push(...gateFromKey(key, value, sheet, r, 1, issues, dates, 0));
    }
    applyDossierRule(gates, dossierBefore);
    if (parentShare !== undefined) {
      const d = gates.find((g) => g.kind === 'discipline');
      if (d && d.kind === 'discipline') d.parentMaxShare = parentShare;
      else gates.push({ kind: 'discipline', maxShare: 1, parentMaxShare: parentShare });
    }
    const councilChoices: CouncilChoice[] = (choiceTable?.rows ?? []).map((r) => {
      const cols = choiceTable!.cols;
      const block = cols.block >= 0 ? text(cellAt(grid, r, cols.block)) : '';
      return {
        award: text(cellAt(grid, r, cols.award)),
        ...(block ? { block } : {}),
        units: listOf(cellAt(grid, r, cols.chosen)),
        source: ref(sheet, r, cols.chosen),
      };
    });
    out.awards = {
      gates,
      awards,
      ...(runnersUp !== undefined ? { runnersUpPerBlock: runnersUp } : {}),
      ...(unfilled ? { unfilled } : {}),
      ...(councilChoices.length ? { councilChoices } : {}),
    };
  }
  return out;
}
