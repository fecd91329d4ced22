/** Award types (quotas, caps, own gates), runners-up and the campaign gates. */
import type { AwardTypeSpec, AwardsSpec, GateSpec } from '../../shared/awards/types';
import { formatMessage, vi } from '../../shared/i18n/vi';
import type { BlockSpec, CampaignSetup, CellValue } from '../../shared/model/types';
import { fromMicro, toMicro } from '../../shared/numbers/points';
import { readSetup } from '../../shared/workbook/setup';
import { clearLocations } from './setup';
import { dateText, fail, issueMessage, numberText, ok, parseCount, type Parsed } from './text';

const W = vi.workbook;
const U = vi.ui;

export function ensureAwards(setup: CampaignSetup): AwardsSpec {
  return (setup.awards ??= { gates: [], awards: [] });
}

export function addAward(setup: CampaignSetup): number {
  const awards = ensureAwards(setup).awards;
  let n = awards.length + 1;
  while (awards.some((a) => a.id === `kt${n}`)) n++;
  awards.push({ id: `kt${n}`, name: U.awards.newName, quotaPerBlock: 1 });
  clearLocations(setup);
  return awards.length - 1;
}

export function removeAward(setup: CampaignSetup, index: number): void {
  const awards = setup.awards;
  if (!awards) return;
  const [award] = awards.awards.splice(index, 1);
  if (award && awards.councilChoices)
    awards.councilChoices = awards.councilChoices.filter((c) => c.award !== award.id);
  clearLocations(setup);
}

export function renameAward(setup: CampaignSetup, index: number, text: string): string | undefined {
  const awards = setup.awards?.awards ?? [];
  const id = text.trim();
  const award = awards[index];
  if (id === award.id) return undefined;
  if (id === '') return U.awards.badId;
  if (awards.some((a) => a.id === id)) return formatMessage(U.awards.duplicateId, { id });
  for (const c of setup.awards?.councilChoices ?? []) if (c.award === award.id) c.award = id;
  award.id = id;
  return undefined;
}

/** How a quota is given: not at all, one number for every block, or a number per block. */
export type QuotaMode = 'none' | 'same' | 'perBlock';

export function quotaMode(award: AwardTypeSpec): QuotaMode {
  const q = award.quotaPerBlock;
  return q === undefined ? 'none' : typeof q === 'number' ? 'same' : 'perBlock';
}

/** Switches the quota's form, carrying the number over (per block: each block gets it). */
export function setQuotaMode(
  award: AwardTypeSpec,
  mode: QuotaMode,
  blocks: readonly BlockSpec[],
): void {
  const q = award.quotaPerBlock;
  const current =
    q === undefined ? 1 : typeof q === 'number' ? q : Math.max(0, ...Object.values(q));
  if (mode === 'none') delete award.quotaPerBlock;
  else if (mode === 'same') award.quotaPerBlock = current;
  else award.quotaPerBlock = Object.fromEntries(blocks.map((b) => [b.id, current]));
}

/** The quota of one block (per-block form) or of every block (blockId undefined). */
export function quotaOf(award: AwardTypeSpec, blockId?: string): number | undefined {
  const q = award.quotaPerBlock;
  if (q === undefined) return undefined;
  if (typeof q === 'number') return q;
  return blockId === undefined ? undefined : q[blockId];
}

/** Sets a quota from the text typed; blank in the per-block form means "no place" (0). */
export function setQuota(
  award: AwardTypeSpec,
  blockId: string | undefined,
  text: string,
): string | undefined {
  const n = parseCount(text);
  if (!n.ok) return n.error;
  if (blockId === undefined) {
    if (n.value === undefined) return U.input.required;
    award.quotaPerBlock = n.value;
  } else {
    const q = award.quotaPerBlock;
    const per = q !== undefined && typeof q !== 'number' ? { ...q } : {};
    per[blockId] = n.value ?? 0;
    award.quotaPerBlock = per;
  }
  return undefined;
}

export function setCap(award: AwardTypeSpec, text: string): string | undefined {
  const n = parseCount(text);
  if (!n.ok) return n.error;
  if (n.value === undefined) delete award.cap;
  else award.cap = n.value;
  return undefined;
}

/** How the runners-up count is given: one number for every block, or a number per block. */
export type RunnersUpMode = 'same' | 'perBlock';

export function runnersUpMode(awards: AwardsSpec): RunnersUpMode {
  const r = awards.runnersUpPerBlock;
  return r !== undefined && typeof r !== 'number' ? 'perBlock' : 'same';
}

/** Switches the runners-up count's form, carrying the number over (per block: each block). */
export function setRunnersUpMode(
  setup: CampaignSetup,
  mode: RunnersUpMode,
  blocks: readonly BlockSpec[],
): void {
  const awards = ensureAwards(setup);
  const r = awards.runnersUpPerBlock;
  if (mode === runnersUpMode(awards)) return;
  if (mode === 'same') {
    const most = Math.max(0, ...Object.values(r ?? {}));
    awards.runnersUpPerBlock = most;
  } else {
    const current = typeof r === 'number' ? r : 0;
    awards.runnersUpPerBlock = Object.fromEntries(blocks.map((b) => [b.id, current]));
  }
}

/** The runners-up count of one block (per-block form) or of every block (blockId undefined). */
export function runnersUpOf(awards: AwardsSpec, blockId?: string): number | undefined {
  const r = awards.runnersUpPerBlock;
  if (r === undefined || typeof r === 'number') return r;
  return blockId === undefined ? undefined : (r[blockId] ?? 0);
}

/**
 * Sets the runners-up count from the text typed: for every block (blockId undefined; blank
 * removes it, i.e. none) or for one block (blank means none there, 0).
 */
export function setRunnersUp(
  setup: CampaignSetup,
  text: string,
  blockId?: string,
): string | undefined {
  const n = parseCount(text);
  if (!n.ok) return n.error;
  const awards = ensureAwards(setup);
  if (blockId === undefined) {
    if (n.value === undefined) delete awards.runnersUpPerBlock;
    else awards.runnersUpPerBlock = n.value;
  } else {
    const r = awards.runnersUpPerBlock;
    const per = r !== undefined && typeof r !== 'number' ? { ...r } : {};
    per[blockId] = n.value ?? 0;
    awards.runnersUpPerBlock = per;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Gates: shown and typed as the "ĐIỀU KIỆN XÉT KHEN" rows and the "Điều kiện riêng" cell hold
// them, read back by the workbook's own "Cấu hình" parser.

export const GATE_KEYS = [
  'registration',
  'dossier',
  'dossierRule',
  'discipline',
  'parentDiscipline',
  'classification',
  'minIndex',
  'flags',
  'improvement',
] as const;

export type GateKey = (typeof GATE_KEYS)[number];
export type GateFields = Record<GateKey, string>;

/** A gate's key as "ĐIỀU KIỆN XÉT KHEN" spells it (the dossier deadline's in vi.dossier). */
export const gateLabel = (k: GateKey): string =>
  k === 'dossier' || k === 'dossierRule' ? vi.dossier.gates[k] : W.gates[k];

/** A gate field's placeholder. */
export const gateExample = (k: GateKey): string =>
  k === 'dossier' || k === 'dossierRule' ? vi.dossier.examples[k] : vi.ui.awards.gateExamples[k];

const shareText = (share: number): string => `${numberText(fromMicro(toMicro(share * 100)))}%`;
const flagLabel = (flag: string): string => vi.awards.flags[flag] ?? flag;
const measureLabel = (m: string): string => (m === 'index' ? W.choices.rankBy.index : m);

/** The value of each gate as the workbook shows it; '' where the campaign has no such gate. */
export function gateFields(gates: readonly GateSpec[] = []): GateFields {
  const f: GateFields = {
    registration: '',
    dossier: '',
    dossierRule: '',
    discipline: '',
    parentDiscipline: '',
    classification: '',
    minIndex: '',
    flags: '',
    improvement: '',
  };
  const flags: string[] = [];
  for (const g of gates) {
    switch (g.kind) {
      case 'registration':
        f.registration = dateText(g.deadline);
        break;
      case 'dossier':
        f.dossier = dateText(g.deadline);
        f.dossierRule = g.before ? vi.dossier.rules.before : vi.dossier.rules.through;
        break;
      case 'discipline':
        f.discipline = shareText(g.maxShare);
        if (g.parentMaxShare !== undefined) f.parentDiscipline = shareText(g.parentMaxShare);
        break;
      case 'classification':
        f.classification = g.allowed.join(', ');
        break;
      case 'minIndex':
        f.minIndex = numberText(g.min);
        break;
      case 'flag':
        flags.push(flagLabel(g.flag));
        break;
      case 'improvement':
        f.improvement = g.measures.map(measureLabel).join('; ');
        break;
    }
  }
  f.flags = flags.join('; ');
  return f;
}

const CRITERIA_HEADER: CellValue[] = [
  W.headers.criterionCode,
  W.headers.criterionName,
  W.headers.max,
  W.headers.rule,
];

/** Runs the "Cấu hình" parser on a few synthetic rows (and an empty "Tiêu chí"). */
function parseConfigRows(rows: CellValue[][]): ReturnType<typeof readSetup> {
  return readSetup({ [W.sheets.config]: rows, [W.sheets.criteria]: [CRITERIA_HEADER] });
}

/** The campaign gates from their fields, or an error per field that does not read. */
export function parseGateFields(
  fields: GateFields,
): { ok: true; gates: GateSpec[] } | { ok: false; errors: Partial<GateFields> } {
  const keys = GATE_KEYS.filter((k) => fields[k].trim() !== '');
  const rows: CellValue[][] = [
    [W.sections.gates],
    ...keys.map((k): CellValue[] => [gateLabel(k), fields[k].trim()]),
  ];
  const { setup, issues } = parseConfigRows(rows);
  const errors: Partial<GateFields> = {};
  for (const issue of issues) {
    if (issue.severity !== 'error') continue;
    const key = keys[(issue.at.cell?.row ?? 0) - 2];
    if (key) errors[key] ??= issueMessage(issue);
  }
  if (Object.keys(errors).length || !setup) return { ok: false, errors };
  return { ok: true, gates: setup.awards?.gates ?? [] };
}

/** An award's own gates as the "Điều kiện riêng" cell holds them: "Chỉ số tối thiểu = 90; …". */
export function awardGatesText(gates: readonly GateSpec[] = []): string {
  const f = gateFields(gates);
  return GATE_KEYS.filter((k) => f[k] !== '')
    .map((k) => `${gateLabel(k)} = ${f[k]}`)
    .join('; ');
}

export function parseAwardGates(text: string): Parsed<GateSpec[]> {
  if (text.trim() === '') return ok([]);
  const h = W.headers;
  const { setup, issues } = parseConfigRows([
    [W.sections.awards],
    [h.code, h.name, h.quota, h.cap, h.awardGates],
    ['x', 'x', null, null, text],
  ]);
  const bad = issues.find((i) => i.severity === 'error');
  if (bad || !setup) return fail(bad ? issueMessage(bad) : U.input.required);
  return ok(setup.awards?.awards[0]?.gates ?? []);
}

export function setAwardGates(award: AwardTypeSpec, text: string): string | undefined {
  const gates = parseAwardGates(text);
  if (!gates.ok) return gates.error;
  if (gates.value.length) award.gates = gates.value;
  else delete award.gates;
  return undefined;
}

/** Sets one campaign gate from the text typed in its field ('' removes it). */
export function setGateField(setup: CampaignSetup, key: GateKey, text: string): string | undefined {
  const fields = gateFields(setup.awards?.gates);
  fields[key] = text;
  const parsed = parseGateFields(fields);
  if (!parsed.ok) return parsed.errors[key] ?? Object.values(parsed.errors)[0];
  ensureAwards(setup).gates = parsed.gates;
  return undefined;
}
