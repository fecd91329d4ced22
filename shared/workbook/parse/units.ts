// "Đơn vị": the units, their block, profile (registration, staff, parent, flags, council
// exclusion, measures).
import type { UnitProfile } from '../../awards/types';
import { vi } from '../../i18n/vi';
import { error, type Issue } from '../../model/issues';
import type { CellValue, UnitSpec } from '../../model/types';
import { labelKey } from '../../scoring/cells';
import {
  cellAt,
  dateOf,
  type DateSystem,
  headerRow,
  isBlankRow,
  listOf,
  numberOf,
  ref,
  text,
  type Grid,
} from '../grid';
import { at, flagId, measureId } from './common';
import { predecessorCodes } from './previous';

const S = vi.workbook.sheets;
const H = vi.workbook.headers;
/**
 * An address Google accounts and groups can have: ASCII, no spaces, dot-separated parts without
 * empty ones, a domain of letters, digits and hyphens ending in a name of two letters or more.
 */
const EMAIL =
  /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@([A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$/;

/** Note columns of "Đơn vị" ("Ghi chú"…), skipped: not measures. */
const NOTE_HEADERS = new Set(H.notes.map((n) => labelKey(n)));

/** The units read from "Đơn vị". */
export interface UnitRows {
  units: UnitSpec[];
}

/**
 * "Đơn vị": one row per unit; headed columns not named here are measures ("PCI"). Date serials
 * count in `dates`, the workbook's date system.
 */
export function parseUnits(grid: Grid, issues: Issue[], dates: DateSystem = 1900): UnitRows {
  const sheet = S.units;
  const labels = {
    code: H.unitCode,
    name: H.unitName,
    block: H.block,
    registeredOn: H.registeredOn,
    dossierOn: vi.dossier.header,
    staff: H.staff,
    staffViolating: H.staffViolating,
    parent: H.parent,
    flags: H.flags,
    editors: H.editors,
    councilExclusion: H.councilExclusion,
    predecessors: vi.previousYear.predecessors,
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
    // The registration and the dossier dates: a date cell, or text as dates are typed.
    for (const key of ['registeredOn', 'dossierOn'] as const) {
      const v = get(key);
      if (text(v) === '') continue;
      const d = dateOf(v, dates);
      if (d) profile[key] = d;
      else issues.push(error('badDate', { value: text(v) }, at(sheet, r, cols[key])));
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
    // "Không xét khen thưởng": any text is the council's reason (awards only; still ranked).
    const exclusion = text(get('councilExclusion')).trim();
    if (exclusion) profile.councilExclusion = exclusion;
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
    const predecessors = predecessorCodes(text(get('predecessors')));
    const typedIndex = measureCols.find((m) => m.previous && m.name === 'index');
    const editors = listOf(get('editors'));
    for (const e of editors) {
      // An e-mail address: Google Sheets protects the unit's form for exactly these people, and
      // its Protection.addEditors refuses what is not one (checked here, before any sheet).
      if (!EMAIL.test(e)) issues.push(error('badEmail', { value: e }, at(sheet, r, cols.editors)));
    }
    units.push({
      id: text(get('code')),
      name: text(get('name')),
      block: text(get('block')),
      ...(Object.keys(profile).length ? { profile } : {}),
      ...(editors.length ? { editors } : {}),
      ...(predecessors.length ? { predecessors } : {}),
      source: ref(sheet, r, cols.code),
      cells: {
        block: ref(sheet, r, cols.block),
        ...(cols.name >= 0 ? { name: ref(sheet, r, cols.name) } : {}),
        ...(cols.registeredOn >= 0 ? { registeredOn: ref(sheet, r, cols.registeredOn) } : {}),
        ...(cols.dossierOn >= 0 ? { dossierOn: ref(sheet, r, cols.dossierOn) } : {}),
        ...(cols.staff >= 0 ? { staff: ref(sheet, r, cols.staff) } : {}),
        ...(cols.parent >= 0 ? { parent: ref(sheet, r, cols.parent) } : {}),
        ...(cols.predecessors >= 0 ? { predecessors: ref(sheet, r, cols.predecessors) } : {}),
        ...(typedIndex ? { previousIndex: ref(sheet, r, typedIndex.c) } : {}),
      },
    });
  }
  return { units };
}

/** Only "Đơn vị": the units (id, name, block, profile) and the problems of that sheet. */
export function parseUnitsSheet(
  grid: Grid,
  dates: DateSystem = 1900,
): { units: UnitSpec[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const { units } = parseUnits(grid, issues, dates);
  return { units, issues };
}
