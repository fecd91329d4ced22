/**
 * The campaign workbook → a CampaignSpec, with every problem located at its sheet and cell.
 * Pure: hosts hand in the values of each sheet (2-D arrays) and get the spec back; the layout
 * is documented in docs/workbook-format.md.
 */
import type {
  AwardTypeSpec,
  AwardsSpec,
  BallotSpec,
  CouncilChoice,
  GateSpec,
  NominationSpec,
  UnitProfile,
} from '../awards/types';
import { formatMessage, vi } from '../i18n/vi';
import { error, type Issue, type IssueLocation } from '../model/issues';
import type {
  AppraiserSpec,
  BandSpec,
  BlockSpec,
  CampaignSetup,
  CampaignSpec,
  CellRef,
  CellValue,
  ComponentSpec,
  CriterionSpec,
  ReplySpec,
  RuleSpec,
  ScoreGrid,
  ScoreSource,
  Settings,
  TieBreakSpec,
  UnitSpec,
} from '../model/types';
import { labelKey } from '../scoring/cells';
import {
  cellAt,
  dateOf,
  headerColumns,
  headerRow,
  isBlankRow,
  listOf,
  numberOf,
  ref,
  requireHeaders,
  shareOf,
  text,
  type Grid,
  type Sheets,
} from './grid';

const W = vi.workbook;
const S = W.sheets;
const H = W.headers;
/** Note columns of "Đơn vị" ("Ghi chú"…), skipped: not measures. */
const NOTE_HEADERS = new Set(H.notes.map((n) => labelKey(n)));

/** Finds the value whose Vietnamese label matches (case-insensitive); undefined if none. */
function choiceOf<T extends string>(labels: Record<T, string>, value: string): T | undefined {
  const key = labelKey(value);
  return (Object.keys(labels) as T[]).find(
    (k) => labelKey(labels[k]) === key || labelKey(k) === key,
  );
}

const at = (sheet: string, r: number, c: number): IssueLocation => ({ cell: ref(sheet, r, c) });

/** "Tốt ≥ 90; Khá ≥ 80; Trung bình ≥ 50; Yếu" → bands (the last may have no threshold). */
export function parseBands(value: string): BandSpec[] | undefined {
  const out: BandSpec[] = [];
  for (const part of value
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const m = /^(.*?)\s*(?:≥|>=)\s*(-?\d+(?:[.,]\d+)?)$/.exec(part);
    if (m) out.push({ label: m[1].trim(), min: Number(m[2].replace(',', '.')) });
    else if (!/[≥>=]/.test(part)) out.push({ label: part, min: Number.NEGATIVE_INFINITY });
    else return undefined;
  }
  return out.length > 0 ? out : undefined;
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

const num = (s: string): number => Number(s.replace(',', '.'));
const NUM = '(-?\\d+(?:[.,]\\d+)?)';

/** Rule parameters as typed in the "Tham số" column; undefined when they cannot be read. */
export function parseRule(kind: RuleSpec['kind'], params: string): RuleSpec | undefined {
  const parts = params
    .split(';')
    .map((p) => p.trim())
    .filter(Boolean);
  switch (kind) {
    case 'tick':
      return { kind };
    case 'levels': {
      const levels = parts.map((p) => new RegExp(`^(.*?)\\s*[=:]\\s*${NUM}$`).exec(p));
      if (levels.length === 0 || levels.some((m) => !m)) return undefined;
      return {
        kind,
        levels: levels.map((m) => ({
          label: (m as RegExpExecArray)[1].trim(),
          points: num((m as RegExpExecArray)[2]),
        })),
      };
    }
    case 'tiers': {
      const tiers = parts.map((p) =>
        new RegExp(`^(?:≥|>=)?\\s*${NUM}\\s*%?\\s*[:=→]\\s*${NUM}$`).exec(p),
      );
      if (tiers.length === 0 || tiers.some((m) => !m)) return undefined;
      return {
        kind,
        tiers: tiers.map((m) => ({
          min: num((m as RegExpExecArray)[1]),
          points: num((m as RegExpExecArray)[2]),
        })),
      };
    }
    case 'proportional': {
      if (parts.length === 0) return { kind };
      const m = new RegExp(`^(?:trên|/)\\s*${NUM}$`, 'i').exec(parts.join(' '));
      return m ? { kind, of: num(m[1]) } : undefined;
    }
    case 'deduction':
    case 'bonus': {
      let per: number | undefined;
      let min: number | undefined;
      for (const p of parts) {
        const each = new RegExp(
          `^${NUM}\\s*(?:điểm\\s*)?(?:mỗi|/)\\s*(?:lần|vi phạm|sáng kiến|mục)?$`,
          'i',
        ).exec(p);
        const floor = new RegExp(`^(?:tối thiểu|sàn)\\s*${NUM}$`, 'i').exec(p);
        if (each) per = num(each[1]);
        else if (floor && kind === 'deduction') min = num(floor[1]);
        else return undefined;
      }
      if (kind === 'deduction') return per === undefined ? undefined : { kind, perCount: per, min };
      return per === undefined ? { kind } : { kind, perCount: per };
    }
  }
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

interface ConfigResult {
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
): GateSpec[] {
  const g = W.gates;
  const here = at(sheet, r, c);
  const name = choiceOf(g, key);
  const bad = (): GateSpec[] => {
    issues.push(error('badGateText', { value: `${key}: ${text(value)}` }, here));
    return [];
  };
  switch (name) {
    case 'registration': {
      const d = dateOf(value);
      return d ? [{ kind: 'registration', deadline: d }] : bad();
    }
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
      issues.push(error('unknownSetting', { key }, here));
      return [];
  }
}

/** Vietnamese recognition labels → flag ids ("Sáng kiến…" → initiative). */
export function flagId(label: string): string {
  const key = labelKey(label);
  for (const [id, name] of Object.entries(vi.awards.flags)) {
    if (labelKey(name) === key || labelKey(name).startsWith(key) || key === id) return id;
  }
  return label;
}

/** "Chỉ số" → index; anything else stays as written (field code, component id, PCI…). */
export function measureId(label: string): string {
  return labelKey(label) === labelKey('Chỉ số') ? 'index' : label;
}

/** "Chỉ số ≥ 90; Xếp loại được xét = Tốt" → the gates of one award. */
function awardGates(
  value: CellValue,
  sheet: string,
  r: number,
  c: number,
  issues: Issue[],
): GateSpec[] {
  const out: GateSpec[] = [];
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
    out.push(...gateFromKey(key, m[2], sheet, r, c, issues));
  }
  return out;
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

function parseConfig(grid: Grid, issues: Issue[]): ConfigResult {
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
  const keyValues = (start: number): [string, CellValue, number][] =>
    sectionRows(grid, start, titleRows).map((r) => [
      text(cellAt(grid, r, 0)),
      cellAt(grid, r, 1),
      r,
    ]);

  // Settings: the rows before any title, and the THIẾT LẬP section.
  const first = Math.min(...[...titleRows, grid.length]);
  const settingRows: [string, CellValue, number][] = [];
  for (let r = 0; r < first; r++)
    if (!isBlankRow(grid[r])) settingRows.push([text(cellAt(grid, r, 0)), cellAt(grid, r, 1), r]);
  if (found.has('settings')) settingRows.push(...keyValues(found.get('settings') as number));
  const C = W.choices;
  let runnersUp: number | undefined;
  let unfilled: AwardsSpec['unfilled'];
  for (const [key, value, r] of settingRows) {
    const here = at(sheet, r, 1);
    const v = text(value);
    const name = choiceOf(W.settings, key);
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
      case 'decimals':
      case 'runnersUp': {
        const n = numberOf(value);
        if (n === undefined) issues.push(error('badNumber', { value: v }, here));
        else if (name === 'year') out.year = n;
        else if (name === 'decimals') out.settings.decimals = n;
        else runnersUp = n;
        break;
      }
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
        const bands = parseBands(v);
        if (!bands) issues.push(error('badBands', { value: v }, here));
        else out.settings.bands = bands;
        break;
      }
      case 'unfilled':
        unfilled = pick(C.unfilled);
        break;
      case 'formsDeadline': {
        const d = dateOf(value);
        if (d === undefined) issues.push(error('badDate', { value: v }, here));
        else out.settings.formsDeadline = d;
        break;
      }
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
    const bands = bandsText ? parseBands(bandsText) : undefined;
    if (bandsText && !bands)
      issues.push(error('badBands', { value: bandsText }, at(sheet, r, cols.bands)));
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
  const gateRows = found.has('gates') ? keyValues(found.get('gates') as number) : [];
  const choiceTable = table('choices', { award: H.award, block: H.block, chosen: H.chosen }, [
    'award',
    'chosen',
  ]);
  if (awardTable || gateRows.length > 0) {
    const awards: AwardTypeSpec[] = [];
    for (const r of awardTable?.rows ?? []) {
      const cols = awardTable!.cols;
      const quotaCell = cols.quota >= 0 ? cellAt(grid, r, cols.quota) : null;
      let quotaPerBlock: AwardTypeSpec['quotaPerBlock'];
      if (text(quotaCell) !== '') {
        const n = numberOf(quotaCell);
        if (n !== undefined) quotaPerBlock = n;
        else {
          // "so: 3; huyen: 3"
          const per: Record<string, number> = {};
          for (const part of listOf(quotaCell)) {
            const m = /^(.+?)\s*[:=]\s*(\d+)$/.exec(part);
            if (m) per[m[1].trim()] = Number(m[2]);
            else issues.push(error('badNumber', { value: part }, at(sheet, r, cols.quota)));
          }
          quotaPerBlock = per;
        }
      }
      const capCell = cols.cap >= 0 ? cellAt(grid, r, cols.cap) : null;
      const cap = text(capCell) === '' ? undefined : numberOf(capCell);
      if (text(capCell) !== '' && cap === undefined)
        issues.push(error('badNumber', { value: text(capCell) }, at(sheet, r, cols.cap)));
      const gates =
        cols.gates >= 0
          ? awardGates(cellAt(grid, r, cols.gates), sheet, r, cols.gates, issues)
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
    for (const [key, value, r] of gateRows) {
      if (choiceOf(W.gates, key) === 'parentDiscipline') {
        parentShare = shareOf(value);
        if (parentShare === undefined)
          issues.push(error('badGateText', { value: `${key}: ${text(value)}` }, at(sheet, r, 1)));
      } else gates.push(...gateFromKey(key, value, sheet, r, 1, issues));
    }
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

function parseCriteria(grid: Grid, issues: Issue[]): CriterionSpec[] {
  const sheet = S.criteria;
  const labels = {
    code: H.criterionCode,
    name: H.criterionName,
    max: H.max,
    rule: H.rule,
    params: H.params,
    blocks: H.appliesTo,
  };
  const cols = headerRow(grid, sheet, labels, ['code', 'name', 'max', 'rule'], issues);
  if (cols.code < 0 || cols.max < 0) return [];
  const roots: CriterionSpec[] = [];
  const byCode = new Map<string, CriterionSpec>();
  for (let r = 1; r < grid.length; r++) {
    if (isBlankRow(grid[r])) continue;
    const code = text(cellAt(grid, r, cols.code));
    const maxCell = cellAt(grid, r, cols.max);
    const max = numberOf(maxCell);
    if (max === undefined) {
      issues.push(error('badNumber', { value: text(maxCell) }, at(sheet, r, cols.max)));
    }
    const node: CriterionSpec = {
      code,
      name: text(cellAt(grid, r, cols.name)),
      max: max ?? 0,
      source: ref(sheet, r, cols.code),
      cells: {
        max: ref(sheet, r, cols.max),
        ...(cols.name >= 0 ? { name: ref(sheet, r, cols.name) } : {}),
        ...(cols.rule >= 0 ? { rule: ref(sheet, r, cols.rule) } : {}),
        ...(cols.params >= 0 ? { params: ref(sheet, r, cols.params) } : {}),
        ...(cols.blocks >= 0 ? { blocks: ref(sheet, r, cols.blocks) } : {}),
      },
    };
    const ruleText = cols.rule >= 0 ? text(cellAt(grid, r, cols.rule)) : '';
    if (ruleText !== '') {
      const kind = choiceOf(W.choices.rules, ruleText);
      const paramsText = cols.params >= 0 ? text(cellAt(grid, r, cols.params)) : '';
      if (!kind) {
        issues.push(
          error(
            'unknownRule',
            { value: ruleText, choices: Object.values(W.choices.rules).join(', ') },
            at(sheet, r, cols.rule),
          ),
        );
      } else {
        const rule = parseRule(kind, paramsText);
        if (rule) node.rule = rule;
        else
          issues.push(
            error(
              'badRuleParams',
              { value: paramsText, rule: ruleText },
              at(sheet, r, cols.params),
            ),
          );
      }
    }
    const blocks = cols.blocks >= 0 ? listOf(cellAt(grid, r, cols.blocks)) : [];
    if (blocks.length) node.blocks = blocks;
    const dot = code.lastIndexOf('.');
    const parentCode = dot > 0 ? code.slice(0, dot) : null;
    if (byCode.has(code)) {
      issues.push(error('duplicateCriterionRow', { code }, at(sheet, r, cols.code)));
      continue;
    }
    byCode.set(code, node);
    if (parentCode === null) roots.push(node);
    else {
      const parent = byCode.get(parentCode);
      if (!parent)
        issues.push(
          error('orphanCriterion', { code, parent: parentCode }, at(sheet, r, cols.code)),
        );
      else (parent.children ??= []).push(node);
    }
  }
  return roots;
}

interface UnitRows {
  units: UnitSpec[];
}

function parseUnits(grid: Grid, issues: Issue[]): UnitRows {
  const sheet = S.units;
  const labels = {
    code: H.unitCode,
    name: H.unitName,
    block: H.block,
    registeredOn: H.registeredOn,
    staff: H.staff,
    staffViolating: H.staffViolating,
    parent: H.parent,
    flags: H.flags,
    editors: H.editors,
  };
  const cols = headerRow(grid, sheet, labels, ['code', 'name', 'block'], issues);
  const known = new Set(Object.values(cols).filter((c) => c >= 0));
  // Other headed columns are measures: "PCI" this year, "PCI năm trước" last year.
  const suffix = ' ' + labelKey(H.previousSuffix);
  const measureCols: { c: number; name: string; previous: boolean }[] = [];
  (grid[0] ?? []).forEach((v, c) => {
    const h = text(v);
    if (h === '' || known.has(c) || NOTE_HEADERS.has(labelKey(h))) return;
    const previous = labelKey(h).endsWith(suffix);
    const name = previous ? h.slice(0, h.length - suffix.length).trim() : h;
    measureCols.push({ c, name: previous ? measureId(name) : name, previous });
  });
  const units: UnitSpec[] = [];
  for (let r = 1; r < grid.length; r++) {
    if (isBlankRow(grid[r])) continue;
    const get = (name: keyof typeof cols): CellValue =>
      cols[name] >= 0 ? cellAt(grid, r, cols[name]) : null;
    const profile: UnitProfile = {};
    const reg = get('registeredOn');
    if (text(reg) !== '') {
      const d = dateOf(reg);
      if (d) profile.registeredOn = d;
      else issues.push(error('badDate', { value: text(reg) }, at(sheet, r, cols.registeredOn)));
    }
    for (const key of ['staff', 'staffViolating'] as const) {
      const v = get(key);
      if (text(v) === '') continue;
      const n = numberOf(v);
      if (n === undefined)
        issues.push(error('badNumber', { value: text(v) }, at(sheet, r, cols[key])));
      else profile[key] = n;
    }
    const parent = text(get('parent'));
    if (parent) profile.parent = parent;
    const flags = listOf(get('flags')).map(flagId);
    if (flags.length) profile.flags = flags;
    for (const m of measureCols) {
      const v = cellAt(grid, r, m.c);
      if (text(v) === '') continue;
      const n = numberOf(v);
      if (n === undefined) {
        issues.push(error('badNumber', { value: text(v) }, at(sheet, r, m.c)));
        continue;
      }
      if (m.previous) (profile.previous ??= {})[m.name] = n;
      else (profile.measures ??= {})[m.name] = n;
    }
    const editors = listOf(get('editors'));
    for (const e of editors) {
      // An e-mail address: Google Sheets protects the unit's form for exactly these people.
      if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e))
        issues.push(error('badEmail', { value: e }, at(sheet, r, cols.editors)));
    }
    units.push({
      id: text(get('code')),
      name: text(get('name')),
      block: text(get('block')),
      ...(Object.keys(profile).length ? { profile } : {}),
      ...(editors.length ? { editors } : {}),
      source: ref(sheet, r, cols.code),
      cells: {
        block: ref(sheet, r, cols.block),
        ...(cols.name >= 0 ? { name: ref(sheet, r, cols.name) } : {}),
        ...(cols.registeredOn >= 0 ? { registeredOn: ref(sheet, r, cols.registeredOn) } : {}),
        ...(cols.staff >= 0 ? { staff: ref(sheet, r, cols.staff) } : {}),
        ...(cols.parent >= 0 ? { parent: ref(sheet, r, cols.parent) } : {}),
      },
    });
  }
  return { units };
}

/** A score cell's locator: by unit and criterion, and by appraiser on a panel's sheet. */
type ScoreLocator = (unit: string, code: string, appraiser?: string) => CellRef | undefined;

/**
 * A score sheet ("Tự chấm" / "Chấm điểm" / "Chấm điểm vòng 2"): row 1 = "Mã tiêu chí" then unit
 * codes; one row per leaf criterion. On an appraisal sheet, a second header row starting with
 * "Người chấm" names the appraiser of each unit column (by id or name), and a unit may then have
 * one column per appraiser. Rows of parent criteria (subtotal formulas) and rows without a code
 * are ignored; merged cells inside the grid are rejected.
 */
function parseScores(
  sheetName: string,
  grid: Grid,
  merges: readonly string[],
  unitIds: ReadonlySet<string>,
  parents: ReadonlySet<string>,
  issues: Issue[],
  panel?: readonly AppraiserSpec[],
): { scores: ScoreGrid; locate: ScoreLocator } {
  const scores: ScoreGrid = { codes: [], rows: [], units: [], cols: [] };
  // Where every unit column and criterion row is, so any cell — even a blank one — can be named
  // without storing 750,000 locations. Columns are keyed by appraiser and unit.
  const unitCol = new Map<string, number>();
  const firstCol = new Map<string, number>();
  const codeRow = new Map<string, number>();
  const locate: ScoreLocator = (unit, code, appraiser) => {
    const r = codeRow.get(code);
    const c =
      appraiser === undefined ? firstCol.get(unit) : unitCol.get(`${appraiser}\u0000${unit}`);
    return r === undefined || c === undefined ? undefined : ref(sheetName, r, c);
  };
  const header = grid[0] ?? [];
  const codeCol = header.findIndex((v) => labelKey(text(v)) === labelKey(H.criterionCode));
  if (codeCol < 0) {
    issues.push(error('missingHeader', { header: H.criterionCode }, at(sheetName, 0, 0)));
    return { scores, locate };
  }
  for (const range of merges) {
    issues.push(error('mergedCells', { range }, { cell: rangeStart(sheetName, range) }));
  }
  const fixed = new Set(
    [H.criterionCode, H.criterionName, H.max, H.rule, 'Ghi chú'].map((h) => labelKey(h)),
  );
  // "Người chấm" under "Mã tiêu chí": the appraisers' row; the criteria start below it.
  const names = panel && labelKey(text(grid[1]?.[codeCol])) === labelKey(H.appraiser);
  const appraiserOf = new Map<string, string>();
  for (const a of panel ?? []) {
    appraiserOf.set(labelKey(a.name), a.id);
    appraiserOf.set(labelKey(a.id), a.id);
  }
  if (names) scores.appraisers = [];
  const width = Math.max(header.length, ...grid.map((row) => row?.length ?? 0));
  for (let c = 0; c < width; c++) {
    if (c === codeCol) continue;
    const h = text(header[c]);
    if (fixed.has(labelKey(h))) continue;
    if (h === '') {
      // A column of scores with no unit code above it.
      if (grid.some((row, r) => r > 0 && text(row?.[c]) !== '' && text(row?.[codeCol]) !== '')) {
        issues.push(error('unitColumnNoHeader', {}, at(sheetName, 0, c)));
      }
      continue;
    }
    if (!unitIds.has(h)) {
      issues.push(
        error('unknownUnitColumn', { unit: h, hint: hintFor(h, unitIds) }, at(sheetName, 0, c)),
      );
      continue;
    }
    let appraiser = '';
    if (names) {
      const named = text(grid[1]?.[c]);
      const id = named === '' ? '' : appraiserOf.get(labelKey(named));
      if (id === undefined) {
        issues.push(error('unknownAppraiser', { id: named }, at(sheetName, 1, c)));
        continue;
      }
      appraiser = id;
    }
    const key = `${appraiser}\u0000${h}`;
    if (unitCol.has(key)) {
      issues.push(
        names
          ? error(
              'duplicateAppraisal',
              { unit: h, appraiser: appraiser || '—' },
              at(sheetName, 0, c),
            )
          : error('duplicateUnitColumn', { unit: h }, at(sheetName, 0, c)),
      );
      continue;
    }
    unitCol.set(key, c);
    if (!firstCol.has(h)) firstCol.set(h, c);
    scores.units.push(h);
    scores.cols.push(c);
    scores.appraisers?.push(appraiser);
  }
  for (let r = names ? 2 : 1; r < grid.length; r++) {
    const code = text(cellAt(grid, r, codeCol));
    if (code === '' || parents.has(code)) continue;
    if (codeRow.has(code)) {
      issues.push(error('duplicateCriterionRow', { code }, at(sheetName, r, codeCol)));
      continue;
    }
    codeRow.set(code, r);
    scores.codes.push(code);
    (scores.rows as (readonly CellValue[] | undefined)[]).push(grid[r]);
  }
  return { scores, locate };
}

/**
 * "Giải trình bổ sung": a unit's reply between appraisal rounds — Mã đơn vị, Mã tiêu chí,
 * Giải trình bổ sung, Tài liệu kiểm chứng; text only. Rows for the same unit and criterion are
 * joined line by line.
 */
function parseReplies(
  grid: Grid,
  unitIds: ReadonlySet<string>,
  leafCodes: ReadonlySet<string>,
  parents: ReadonlySet<string>,
  issues: Issue[],
): ReplySpec[] {
  const sheet = S.replies;
  const labels = { unit: H.unitCode, code: H.criterionCode, text: H.reply, evidence: H.evidence };
  const cols = headerRow(grid, sheet, labels, ['unit', 'code'], issues);
  if (cols.unit < 0 || cols.code < 0) return [];
  const byKey = new Map<string, ReplySpec>();
  for (let r = 1; r < grid.length; r++) {
    if (isBlankRow(grid[r])) continue;
    const unit = text(cellAt(grid, r, cols.unit));
    const code = text(cellAt(grid, r, cols.code));
    const reply = cols.text >= 0 ? text(cellAt(grid, r, cols.text)) : '';
    const evidence = cols.evidence >= 0 ? text(cellAt(grid, r, cols.evidence)) : '';
    if (!unitIds.has(unit)) {
      issues.push(
        error('unknownUnitRow', { unit, hint: hintFor(unit, unitIds) }, at(sheet, r, cols.unit)),
      );
      continue;
    }
    if (!leafCodes.has(code)) {
      const key = parents.has(code) ? 'scoreOnParent' : 'unknownCriterionInScores';
      issues.push(error(key, { unit, code }, at(sheet, r, cols.code)));
      continue;
    }
    if (reply === '' && evidence === '') continue;
    const key = `${unit}\u0000${code}`;
    const known = byKey.get(key);
    const join = (a: string | undefined, b: string): string =>
      a && b ? `${a}\n${b}` : (a ?? '') || b;
    if (known) {
      known.text = join(known.text, reply);
      const both = join(known.evidence, evidence);
      if (both) known.evidence = both;
    } else {
      byKey.set(key, {
        unit,
        criterion: code,
        text: reply,
        ...(evidence ? { evidence } : {}),
        source: ref(sheet, r, cols.unit),
      });
    }
  }
  return [...byKey.values()];
}

/**
 * " (có phải "DV001"?)" when a code differs from a known one only in letter case, else "": codes
 * are matched exactly, but a person typing "dv001" should be told which code was meant.
 */
export function hintFor(code: string, known: Iterable<string>): string {
  const key = code.toLocaleLowerCase('vi');
  for (const k of known) {
    if (k.toLocaleLowerCase('vi') === key) return formatMessage(vi.labels.didYouMean, { code: k });
  }
  return '';
}

/** "C2:C9" → 1-based corners; undefined when it is not such a range. */
function rangeCorners(
  range: string,
): { r0: number; c0: number; r1: number; c1: number } | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(range.trim().toUpperCase());
  if (!m) return undefined;
  const col = (letters: string): number =>
    [...letters].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
  const [a, b] = [
    { r: Number(m[2]), c: col(m[1]) },
    { r: Number(m[4] ?? m[2]), c: col(m[3] ?? m[1]) },
  ];
  return {
    r0: Math.min(a.r, b.r),
    c0: Math.min(a.c, b.c),
    r1: Math.max(a.r, b.r),
    c1: Math.max(a.c, b.c),
  };
}

/**
 * The grid with each merged range's value (kept by spreadsheets in its top-left cell only)
 * copied into its other, blank cells: merged cells read as the person sees them. A new grid;
 * the input is not changed.
 */
export function fillMerged(grid: Grid, merges: readonly string[]): Grid {
  if (merges.length === 0) return grid;
  const out = grid.map((row) => (row ? [...row] : []));
  // a blank spacer row under a merge stays blank: it is not an item
  const filled = grid.map((row) => !isBlankRow(row));
  for (const range of merges) {
    const rect = rangeCorners(range);
    if (!rect || (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1) > 1_000_000) continue;
    const value = out[rect.r0 - 1]?.[rect.c0 - 1];
    if (value === null || value === undefined || value === '') continue;
    for (let r = rect.r0 - 1; r < rect.r1; r++) {
      if (!filled[r]) continue;
      const row = out[r];
      for (let c = rect.c0 - 1; c < rect.c1; c++) {
        while (row.length < c) row.push(null);
        if (row[c] === null || row[c] === undefined || row[c] === '') row[c] = value;
      }
    }
  }
  return out;
}

function rangeStart(sheet: string, range: string): CellRef {
  const rect = rangeCorners(range);
  return rect ? { sheet, row: rect.r0, col: rect.c0 } : ref(sheet, 0, 0);
}

function parseSurvey(
  grid: Grid,
  components: readonly ComponentSpec[],
  issues: Issue[],
): { byUnit: Map<string, Record<string, CellValue>>; cells: Map<string, CellRef> } {
  const sheet = S.survey;
  const byUnit = new Map<string, Record<string, CellValue>>();
  const cells = new Map<string, CellRef>();
  const header = grid[0] ?? [];
  const codeCol = header.findIndex((v) => labelKey(text(v)) === labelKey(H.unitCode));
  if (codeCol < 0) {
    issues.push(error('missingHeader', { header: H.unitCode }, at(sheet, 0, 0)));
    return { byUnit, cells };
  }
  const compCols: { c: number; id: string }[] = [];
  header.forEach((v, c) => {
    const h = text(v);
    if (c === codeCol || h === '' || labelKey(h) === labelKey(H.unitName)) return;
    const comp = components.find(
      (k) => labelKey(k.id) === labelKey(h) || labelKey(k.name) === labelKey(h),
    );
    if (comp) compCols.push({ c, id: comp.id });
    else issues.push(error('unknownComponentColumn', { header: h }, at(sheet, 0, c)));
  });
  for (let r = 1; r < grid.length; r++) {
    const unit = text(cellAt(grid, r, codeCol));
    if (unit === '') continue;
    const scores: Record<string, CellValue> = {};
    for (const { c, id } of compCols) {
      const v = cellAt(grid, r, c);
      if (v === null || v === '') continue;
      scores[id] = v;
      cells.set(`${unit}\u0000${id}`, ref(sheet, r, c));
    }
    byUnit.set(unit, scores);
  }
  return { byUnit, cells };
}

function parseNominations(grid: Grid, issues: Issue[]): NominationSpec[] {
  const sheet = S.nominations;
  const labels = {
    code: H.code,
    person: H.person,
    unit: H.unitCode,
    position: H.position,
    by: H.nominatedBy,
    byUnit: H.nominatingUnit,
  };
  const cols = headerRow(grid, sheet, labels, ['code', 'person', 'unit', 'by'], issues);
  const out: NominationSpec[] = [];
  for (let r = 1; r < grid.length; r++) {
    if (isBlankRow(grid[r])) continue;
    const get = (name: keyof typeof cols): string =>
      cols[name] >= 0 ? text(cellAt(grid, r, cols[name])) : '';
    const byText = get('by');
    const kind = choiceOf(W.choices.nominators, byText);
    if (!kind) {
      issues.push(
        error(
          'unknownChoice',
          { value: byText, choices: Object.values(W.choices.nominators).join(' / ') },
          at(sheet, r, cols.by),
        ),
      );
      continue;
    }
    const byUnit = get('byUnit');
    out.push({
      id: get('code'),
      name: get('person'),
      unit: get('unit'),
      position: get('position'),
      nominatedBy: kind === 'council' ? { kind } : { kind, unit: byUnit || get('unit') },
      source: ref(sheet, r, cols.code),
      cells: {
        unit: ref(sheet, r, cols.unit),
        nominatingUnit: ref(sheet, r, byUnit && cols.byUnit >= 0 ? cols.byUnit : cols.unit),
      },
    });
  }
  return out;
}

/** "Phiếu bầu": one row per nominee; ballot columns may be left blank after a ballot's first row. */
function parseBallots(grid: Grid, issues: Issue[]): BallotSpec[] {
  const sheet = S.ballots;
  const labels = {
    ballot: H.ballot,
    name: H.ballotName,
    kind: H.ballotKind,
    seats: H.seats,
    total: H.membersTotal,
    present: H.membersPresent,
    threshold: H.threshold,
    base: H.base,
    nominee: H.nominee,
    votes: H.votes,
  };
  const cols = headerColumns(grid[0], labels);
  issues.push(
    ...requireHeaders(sheet, 0, cols, labels, [
      'ballot',
      'seats',
      'total',
      'present',
      'nominee',
      'votes',
    ]),
  );
  const ballots: BallotSpec[] = [];
  let current: BallotSpec | undefined;
  for (let r = 1; r < grid.length; r++) {
    if (isBlankRow(grid[r])) continue;
    const get = (name: keyof typeof cols): CellValue =>
      cols[name] >= 0 ? cellAt(grid, r, cols[name]) : null;
    const id = text(get('ballot'));
    if (id !== '' && id !== current?.id) {
      const numberAt = (name: string): number => {
        const n = numberOf(get(name));
        if (n === undefined)
          issues.push(error('badNumber', { value: text(get(name)) }, at(sheet, r, cols[name])));
        return n ?? 0;
      };
      const kind = choiceOf(W.choices.ballotKinds, text(get('kind'))) ?? 'individual';
      const share = text(get('threshold')) === '' ? undefined : shareOf(get('threshold'));
      const base = choiceOf(W.choices.bases, text(get('base'))) ?? 'present';
      current = {
        id,
        name: text(get('name')) || id,
        kind,
        seats: numberAt('seats'),
        membersTotal: numberAt('total'),
        membersPresent: numberAt('present'),
        ...(share !== undefined ? { threshold: { share, base } } : {}),
        votes: [],
        source: ref(sheet, r, cols.ballot),
      };
      ballots.push(current);
    }
    if (!current) continue;
    const votesCell = get('votes');
    const votes = numberOf(votesCell);
    if (votes === undefined) {
      issues.push(error('badVotes', { value: text(votesCell) }, at(sheet, r, cols.votes)));
      continue;
    }
    current.votes.push({
      nominee: text(get('nominee')),
      votes,
      source: ref(sheet, r, cols.votes),
      nomineeCell: ref(sheet, r, cols.nominee),
    });
  }
  return ballots;
}

export interface ParsedWorkbook {
  spec?: CampaignSpec;
  issues: Issue[];
}

/** Merged ranges per sheet, when the host can tell (they break the score grid). */
export type Merges = Readonly<Record<string, readonly string[]>>;

/** Parses every input sheet; returns the spec when no sheet has an error. */
export function parseWorkbook(sheets: Sheets, merges: Merges = {}): ParsedWorkbook {
  const issues: Issue[] = [];
  for (const name of [S.config, S.criteria, S.units, S.appraised]) {
    if (!sheets[name]) issues.push(error('missingSheet', { sheet: name }, { workbook: true }));
    else if (sheets[name].length === 0)
      issues.push(error('emptySheet', { sheet: name }, { cell: ref(name, 0, 0) }));
  }
  if (issues.length > 0) return { issues };
  const config = parseConfig(sheets[S.config], issues);
  const criteria = parseCriteria(sheets[S.criteria], issues);
  // A block (or any value) merged down over its units' rows reads as typed on each row.
  const { units } = parseUnits(fillMerged(sheets[S.units], merges[S.units] ?? []), issues);
  const unitIds = new Set(units.map((u) => u.id));
  const parents = new Set<string>();
  const leafCodes = new Set<string>();
  const walk = (nodes: CriterionSpec[]): void =>
    nodes.forEach((n) => {
      if (n.children?.length) {
        parents.add(n.code);
        walk(n.children);
      } else leafCodes.add(n.code);
    });
  walk(criteria);

  const cellOf = new Map<ScoreSource, Map<string, CellRef>>();
  const locators = new Map<ScoreSource, ScoreLocator>();
  const apply = (
    source: ScoreSource,
    byUnit: Map<string, Record<string, CellValue>>,
    cells: Map<string, CellRef>,
  ): void => {
    cellOf.set(source, cells);
    for (const unit of units) {
      const scores = byUnit.get(unit.id);
      if (scores)
        unit[source === 'self' ? 'self' : source === 'appraised' ? 'appraised' : 'components'] =
          scores;
    }
  };
  const scoreGrids: NonNullable<CampaignSpec['scoreGrids']> = {};
  for (const source of ['appraised', 'appraised2', 'self'] as const) {
    const name = { appraised: S.appraised, appraised2: S.appraised2, self: S.self }[source];
    // "Chấm điểm" is required above; "Chấm điểm vòng 2" and "Tự chấm" are optional, and an
    // empty "Chấm điểm vòng 2" (made ready before round 2) is as good as none.
    if (!sheets[name]) continue;
    if (source === 'appraised2' && sheets[name].every(isBlankRow)) continue;
    const panel = source === 'self' ? undefined : config.appraisers;
    const parsed = parseScores(
      name,
      sheets[name],
      merges[name] ?? [],
      unitIds,
      parents,
      issues,
      panel,
    );
    scoreGrids[source] = parsed.scores;
    locators.set(source, parsed.locate);
  }
  // "Giải trình bổ sung" is optional; empty, it says nothing.
  const replyGrid = sheets[S.replies];
  const replies = replyGrid?.some((row) => !isBlankRow(row))
    ? parseReplies(replyGrid, unitIds, leafCodes, parents, issues)
    : [];
  if (sheets[S.survey]) {
    const survey = parseSurvey(sheets[S.survey], config.components, issues);
    for (const unit of survey.byUnit.keys()) {
      if (!unitIds.has(unit)) {
        const r = (sheets[S.survey] as Grid).findIndex((row) => text(row?.[0]) === unit);
        issues.push(
          error(
            'unknownUnitRow',
            { unit, hint: hintFor(unit, unitIds) },
            at(S.survey, Math.max(r, 0), 0),
          ),
        );
      }
    }
    apply('components', survey.byUnit, survey.cells);
  }
  const nominations = sheets[S.nominations] ? parseNominations(sheets[S.nominations], issues) : [];
  const ballots = sheets[S.ballots] ? parseBallots(sheets[S.ballots], issues) : [];
  if (issues.some((i) => i.severity === 'error')) return { issues };

  const spec: CampaignSpec = {
    id: config.id,
    name: config.name,
    year: config.year,
    settings: config.settings,
    settingCells: config.settingCells,
    scoreGrids,
    criteria,
    ...(config.components.length ? { components: config.components } : {}),
    blocks: config.blocks,
    units,
    ...(config.awards ? { awards: config.awards } : {}),
    ...(nominations.length ? { nominations } : {}),
    ...(ballots.length ? { ballots } : {}),
    ...(config.appraisers.length ? { appraisers: config.appraisers } : {}),
    ...(replies.length ? { replies } : {}),
    locateScore: (source, unit, key, appraiser) =>
      cellOf.get(source)?.get(`${unit}\u0000${key}`) ??
      locators.get(source)?.(unit, key, appraiser),
  };
  return { spec, issues };
}

/**
 * Only "Cấu hình" and "Tiêu chí": the campaign's setup, for the task pane to edit even when
 * units or scores still have problems. Returns the setup when those two sheets have no error.
 */
export function parseSetupSheets(sheets: Sheets): { setup?: CampaignSetup; issues: Issue[] } {
  const issues: Issue[] = [];
  for (const name of [S.config, S.criteria]) {
    if (!sheets[name]) issues.push(error('missingSheet', { sheet: name }, { workbook: true }));
  }
  if (issues.length > 0) return { issues };
  const config = parseConfig(sheets[S.config], issues);
  const criteria = parseCriteria(sheets[S.criteria], issues);
  if (issues.some((i) => i.severity === 'error')) return { issues };
  return {
    setup: {
      id: config.id,
      name: config.name,
      year: config.year,
      settings: config.settings,
      criteria,
      ...(config.components.length ? { components: config.components } : {}),
      blocks: config.blocks,
      ...(config.awards ? { awards: config.awards } : {}),
      ...(config.appraisers.length ? { appraisers: config.appraisers } : {}),
    },
    issues,
  };
}

/** Only "Đơn vị": the units (id, name, block, profile) and the problems of that sheet. */
export function parseUnitsSheet(grid: Grid): { units: UnitSpec[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const { units } = parseUnits(grid, issues);
  return { units, issues };
}
