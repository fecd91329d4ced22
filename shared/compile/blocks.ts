/** Compiles the blocks and their classification bands (the campaign's default ones included). */
import { error, type Issue, type IssueLocation } from '../model/issues';
import type { BandSpec, CampaignSpec, Settings } from '../model/types';
import { fromMicro, toMicro } from '../numbers/points';
import { normalizeText } from '../scoring/cells';
import type { CompiledBand, CompiledBlock } from './types';

export interface BlockTable {
  blocks: CompiledBlock[];
  /** Block index by id. */
  blockIndex: Map<string, number>;
  /** The block codes, for messages: "so, huyen". */
  blockList: string;
}

/**
 * Bands from highest to lowest; only the last may be open (min −∞). An open band before it is
 * one message naming it (the reader gives the same for a typed text), and the order is then not
 * checked against it: "−Infinity" is never shown.
 */
function compileBands(bands: BandSpec[], issues: Issue[], at: IssueLocation): CompiledBand[] {
  const out: CompiledBand[] = [];
  let open = false;
  bands.forEach((band, i) => {
    const label = normalizeText(String(band.label ?? ''));
    if (label === '') issues.push(error('bandEmptyLabel', {}, at));
    const min = band.min === Number.NEGATIVE_INFINITY ? band.min : toMicro(Number(band.min));
    const previous = out[i - 1];
    if (min === Number.NEGATIVE_INFINITY && i < bands.length - 1) {
      if (!open) issues.push(error('bandNoThreshold', { label, example: `${label} ≥ 90` }, at));
      open = true;
    } else if (previous && previous.min !== Number.NEGATIVE_INFINITY && !(min < previous.min)) {
      issues.push(
        error('bandsOutOfOrder', { label, min: band.min, previous: fromMicro(previous.min) }, at),
      );
    }
    out.push({ label, min });
  });
  return out;
}

/** The blocks, each with its own bands or the campaign's. */
export function compileBlocks(spec: CampaignSpec, settings: Settings, issues: Issue[]): BlockTable {
  const blockIndex = new Map<string, number>();
  const blocks: CompiledBlock[] = [];
  if (!spec.blocks || spec.blocks.length === 0)
    issues.push(error('noBlocks', {}, { settings: true }));
  const bandsCell = spec.settingCells?.bands;
  const defaultBands = compileBands(
    settings.bands,
    issues,
    bandsCell ? { cell: bandsCell } : { settings: true },
  );
  for (const b of spec.blocks ?? []) {
    const id = normalizeText(String(b.id ?? ''));
    const at: IssueLocation = b.source ? { cell: b.source, block: id } : { block: id };
    if (blockIndex.has(id)) issues.push(error('duplicateBlock', { id }, at));
    blockIndex.set(id, blocks.length);
    blocks.push({
      id,
      name: normalizeText(String(b.name ?? id)),
      bands: b.bands ? compileBands(b.bands, issues, at) : defaultBands,
    });
  }
  return { blocks, blockIndex, blockList: [...blockIndex.keys()].join(', ') };
}
