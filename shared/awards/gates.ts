/**
 * Eligibility gates: which units may receive an award, and why not. Each exclusion is a
 * reason with its numbers, rendered in Vietnamese from the dictionary. Units that fail a gate
 * keep their rank in the results; only awards and runner-up places skip them.
 */
import type { Ranking } from '../ranking/rankCampaign';
import { formatMessage, vi } from '../i18n/vi';
import type { CompiledCampaign } from '../compile/types';
import { error, type Issue, type IssueLocation } from '../model/issues';
import { formatMicro, rounder, toMicro, SCALE } from '../numbers/points';
import type { ScoreTable } from '../scoring/score';
import type { UnitSpec } from '../model/types';
import type { GateSpec, UnitProfile } from './types';

const G = vi.labels.gates;

/** Every reason a gate gives: the awards' own and the dossier deadline's (issue 17). */
const REASONS = { ...vi.awards.reasons, ...vi.dossier.reasons };

export type ReasonKey = keyof typeof REASONS;

export interface Reason {
  key: ReasonKey;
  params: Record<string, unknown>;
}

export function formatReason(reason: Reason): string {
  return formatMessage(REASONS[reason.key], reason.params);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return d <= days[mo - 1];
}

/** "2018-03-30" → "30/03/2018", as Vietnamese documents write dates. */
export function vietnameseDate(iso: string): string {
  const m = ISO_DATE.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

const isShare = (x: unknown): boolean =>
  typeof x === 'number' && Number.isFinite(x) && x >= 0 && x <= 1;

/** Measures a gate can compare with last year: the index, a field code, a component id. */
function knownMeasure(
  c: CompiledCampaign,
  profiles: readonly (UnitProfile | undefined)[],
  m: string,
): boolean {
  if (m === 'index' || c.fields.some((f) => f.code === m) || c.components.some((k) => k.id === m)) {
    return true;
  }
  return profiles.some((p) => p?.measures !== undefined && m in p.measures);
}

/** Checks gate parameters; `at` says where the gates were configured. */
export function validateGates(
  gates: readonly GateSpec[],
  c: CompiledCampaign,
  profiles: readonly (UnitProfile | undefined)[],
  at: IssueLocation,
): Issue[] {
  const issues: Issue[] = [];
  for (const gate of gates) {
    switch (gate.kind) {
      case 'registration':
      case 'dossier':
        if (!isIsoDate(gate.deadline)) issues.push(error('badDate', { value: gate.deadline }, at));
        break;
      case 'discipline':
        if (!isShare(gate.maxShare)) issues.push(error('badShare', { value: gate.maxShare }, at));
        if (gate.parentMaxShare !== undefined && !isShare(gate.parentMaxShare)) {
          issues.push(error('badShare', { value: gate.parentMaxShare }, at));
        }
        break;
      case 'classification':
        if (!Array.isArray(gate.allowed) || gate.allowed.length === 0) {
          issues.push(error('gateNeedsValue', { gate: G.classification }, at));
        } else {
          const labels = new Set(c.blocks.flatMap((b) => b.bands.map((band) => band.label)));
          for (const label of gate.allowed) {
            if (!labels.has(label)) issues.push(error('unknownBand', { label }, at));
          }
        }
        break;
      case 'minIndex':
        if (typeof gate.min !== 'number' || !Number.isFinite(gate.min)) {
          issues.push(error('gateNeedsValue', { gate: G.minIndex }, at));
        }
        break;
      case 'flag':
        if (typeof gate.flag !== 'string' || gate.flag.trim() === '') {
          issues.push(error('gateNeedsValue', { gate: G.flags }, at));
        }
        break;
      case 'improvement':
        if (!Array.isArray(gate.measures) || gate.measures.length === 0) {
          issues.push(error('gateNeedsValue', { gate: G.improvement }, at));
        } else {
          for (const m of gate.measures) {
            if (!knownMeasure(c, profiles, m))
              issues.push(error('unknownMeasure', { measure: m }, at));
          }
        }
        break;
      default:
        issues.push(error('badGate', { kind: (gate as { kind?: unknown }).kind }, at));
    }
  }
  return issues;
}

/** Checks each unit's profile: dates, counts, parent. */
export function validateProfiles(
  c: CompiledCampaign,
  profiles: readonly (UnitProfile | undefined)[],
  sources: readonly (IssueLocation | undefined)[],
  fieldCells: readonly (UnitSpec['cells'] | undefined)[] = [],
): Issue[] {
  const issues: Issue[] = [];
  const ids = new Set(c.units.map((u) => u.id));
  const isCount = (x: unknown): boolean => typeof x === 'number' && Number.isInteger(x) && x >= 0;
  profiles.forEach((p, u) => {
    if (!p) return;
    const at = sources[u] ?? { unit: c.units[u].id };
    const field = (name: 'registeredOn' | 'dossierOn' | 'staff' | 'parent'): IssueLocation => {
      const cell = fieldCells[u]?.[name];
      return cell ? { ...at, cell } : at;
    };
    if (p.registeredOn !== undefined && !isIsoDate(p.registeredOn)) {
      issues.push(error('badDate', { value: p.registeredOn }, field('registeredOn')));
    }
    if (p.dossierOn !== undefined && !isIsoDate(p.dossierOn)) {
      issues.push(error('badDate', { value: p.dossierOn }, field('dossierOn')));
    }
    for (const value of [p.staff, p.staffViolating]) {
      if (value !== undefined && !isCount(value))
        issues.push(error('badCount', { value }, field('staff')));
    }
    if (
      isCount(p.staff) &&
      isCount(p.staffViolating) &&
      (p.staffViolating as number) > (p.staff as number)
    ) {
      issues.push(
        error('violatingAboveStaff', { violating: p.staffViolating, staff: p.staff }, at),
      );
    }
    if (p.parent !== undefined && p.parent !== '') {
      if (p.parent === c.units[u].id) issues.push(error('parentIsSelf', {}, field('parent')));
      else if (!ids.has(p.parent))
        issues.push(error('unknownParent', { parent: p.parent }, field('parent')));
    }
  });
  return issues;
}

/** Context the gates read: scores, printed values, profiles. */
export interface GateContext {
  campaign: CompiledCampaign;
  table: ScoreTable;
  ranking: Ranking;
  profiles: readonly (UnitProfile | undefined)[];
}

/** A share in micro-units as a percent with no trailing zeros: 0.1 → "10", 0.125 → "12,5". */
const percentOf = (share: number): string => formatMicro(share * 100, 4).replace(/,?0+$/, '');

const percent = (num: number, den: number): string => formatMicro(toMicro((num / den) * 100), 2);

/** A measure's printed value this year per unit, in micro-units; undefined when unknown. */
function measureColumn(ctx: GateContext, m: string): (u: number) => number | undefined {
  const { campaign: c, table: t, ranking: r } = ctx;
  const n = c.units.length;
  const round = rounder(c.settings.decimals);
  if (m === 'index') return (u) => (r.index[u] !== r.index[u] ? undefined : r.index[u]);
  const f = c.fields.findIndex((x) => x.code === m);
  if (f >= 0) return (u) => round(t.fields[f * n + u]);
  const k = c.components.findIndex((x) => x.id === m);
  if (k >= 0) return (u) => round(t.components[k * n + u]);
  return (u) => {
    const v = ctx.profiles[u]?.measures?.[m];
    return typeof v === 'number' && Number.isFinite(v) ? toMicro(v) : undefined;
  };
}

const NONE: readonly Reason[] = Object.freeze([]);

/** The reasons each unit fails the gates (input order); an empty list means eligible. */
export function applyGates(gates: readonly GateSpec[], ctx: GateContext): (readonly Reason[])[] {
  const { campaign: c, ranking: r, profiles } = ctx;
  const n = c.units.length;
  // Most units pass: they share one empty list; a list is made only for a unit that fails.
  const failing: (Reason[] | undefined)[] = new Array(n);
  const reasons = {
    length: n,
    at: (u: number): Reason[] => failing[u] ?? (failing[u] = []),
  };
  const d = c.settings.decimals;
  for (const gate of gates) {
    switch (gate.kind) {
      case 'registration':
        for (let u = 0; u < n; u++) {
          const on = profiles[u]?.registeredOn;
          if (on === undefined || on === '')
            reasons.at(u).push({ key: 'notRegistered', params: {} });
          else if (on > gate.deadline) {
            reasons.at(u).push({
              key: 'registeredLate',
              params: { date: vietnameseDate(on), deadline: vietnameseDate(gate.deadline) },
            });
          }
        }
        break;
      case 'dossier': {
        // ISO dates compare as text. "Đến hết ngày": the deadline day is in time.
        const deadline = vietnameseDate(gate.deadline);
        const rule = gate.before ? vi.dossier.ruleWords.before : vi.dossier.ruleWords.through;
        for (let u = 0; u < n; u++) {
          const on = profiles[u]?.dossierOn;
          if (on === undefined || on === '')
            reasons.at(u).push({ key: 'noDossier', params: { deadline } });
          else if (gate.before ? on >= gate.deadline : on > gate.deadline) {
            reasons.at(u).push({
              key: 'dossierLate',
              params: { date: vietnameseDate(on), rule, deadline },
            });
          }
        }
        break;
      }
      case 'discipline': {
        const max = toMicro(gate.maxShare);
        const parentMax = toMicro(gate.parentMaxShare ?? gate.maxShare);
        const subUnits = new Map<string, { all: number; violating: number }>();
        for (let u = 0; u < n; u++) {
          const p = profiles[u];
          // Exact: violating / staff > maxShare  ⇔  violating × 10^6 > maxShare_µ × staff.
          if (
            p?.staff &&
            p.staffViolating !== undefined &&
            p.staffViolating * SCALE > max * p.staff
          ) {
            reasons.at(u).push({
              key: 'disciplineShare',
              params: { share: percent(p.staffViolating, p.staff), max: percentOf(max) },
            });
          }
          if (p?.parent) {
            const s = subUnits.get(p.parent) ?? { all: 0, violating: 0 };
            s.all++;
            if ((p.staffViolating ?? 0) > 0) s.violating++;
            subUnits.set(p.parent, s);
          }
        }
        for (let u = 0; u < n; u++) {
          const s = subUnits.get(c.units[u].id);
          if (s && s.violating * SCALE > parentMax * s.all) {
            reasons.at(u).push({
              key: 'parentDiscipline',
              params: { share: percent(s.violating, s.all), max: percentOf(parentMax) },
            });
          }
        }
        break;
      }
      case 'classification':
        for (let u = 0; u < n; u++) {
          const label = r.classification[u];
          if (label === '') reasons.at(u).push({ key: 'noClassification', params: {} });
          else if (!gate.allowed.includes(label)) {
            reasons.at(u).push({
              key: 'classification',
              params: { label, allowed: gate.allowed.join(', ') },
            });
          }
        }
        break;
      case 'minIndex': {
        const min = toMicro(gate.min);
        for (let u = 0; u < n; u++) {
          const index = r.index[u];
          if (index !== index || index < min) {
            reasons.at(u).push({
              key: 'minIndex',
              params: {
                index: index !== index ? '—' : formatMicro(index, d),
                min: formatMicro(min, d),
              },
            });
          }
        }
        break;
      }
      case 'flag': {
        const label = vi.awards.flags[gate.flag] ?? gate.flag;
        for (let u = 0; u < n; u++) {
          if (!profiles[u]?.flags?.includes(gate.flag)) {
            reasons.at(u).push({ key: 'missingFlag', params: { flag: label } });
          }
        }
        break;
      }
      case 'improvement':
        for (const m of gate.measures) {
          const name =
            m === 'index'
              ? vi.labels.index
              : (c.components.find((k) => k.id === m)?.name ??
                c.fields.find((f) => f.code === m)?.name ??
                m);
          const column = measureColumn(ctx, m);
          for (let u = 0; u < n; u++) {
            const now = column(u);
            const before = profiles[u]?.previous?.[m];
            if (now === undefined)
              reasons.at(u).push({ key: 'noMeasure', params: { measure: name } });
            else if (typeof before !== 'number' || !Number.isFinite(before)) {
              reasons.at(u).push({ key: 'noPrevious', params: { measure: name } });
            } else if (!(now > toMicro(before))) {
              reasons.at(u).push({
                key: 'notImproved',
                params: {
                  measure: name,
                  now: formatMicro(now, d),
                  before: formatMicro(toMicro(before), d),
                },
              });
            }
          }
        }
        break;
    }
  }
  return Array.from(failing, (list) => list ?? NONE);
}
