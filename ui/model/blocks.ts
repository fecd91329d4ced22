/** Blocks: add, remove and rename (every mention follows), and a block's own bands. */
import { formatMessage, vi } from '../../shared/i18n/vi';
import type { BlockSpec, CampaignSetup } from '../../shared/model/types';
import { setCriterionBlocks } from './criteria';
import { parseBandsText } from './settings';
import { clearLocations, walkCriteria } from './setup';

const U = vi.ui;

export function addBlock(setup: CampaignSetup): number {
  let n = setup.blocks.length + 1;
  while (setup.blocks.some((b) => b.id === `khoi${n}`)) n++;
  setup.blocks.push({ id: `khoi${n}`, name: U.blocks.newName });
  clearLocations(setup);
  return setup.blocks.length - 1;
}

/** Removes a block and every mention of it (criteria, quotas, runners-up, council choices). */
export function removeBlock(setup: CampaignSetup, index: number): void {
  const [block] = setup.blocks.splice(index, 1);
  if (!block) return;
  walkCriteria(setup.criteria, (node) => {
    if (node.blocks)
      setCriterionBlocks(
        node,
        node.blocks.filter((b) => b !== block.id),
      );
  });
  for (const award of setup.awards?.awards ?? []) {
    if (award.quotaPerBlock !== undefined && typeof award.quotaPerBlock !== 'number')
      delete award.quotaPerBlock[block.id];
  }
  const runnersUp = setup.awards?.runnersUpPerBlock;
  if (runnersUp !== undefined && typeof runnersUp !== 'number') delete runnersUp[block.id];
  if (setup.awards?.councilChoices)
    setup.awards.councilChoices = setup.awards.councilChoices.filter((c) => c.block !== block.id);
  clearLocations(setup);
}

/** A block's new id, carried into every mention of it. Units keep theirs: the hint says so. */
export function renameBlock(setup: CampaignSetup, index: number, text: string): string | undefined {
  const id = text.trim();
  const block = setup.blocks[index];
  if (id === block.id) return undefined;
  if (id === '') return U.blocks.badId;
  if (setup.blocks.some((b) => b.id === id)) return formatMessage(U.blocks.duplicateId, { id });
  const old = block.id;
  block.id = id;
  walkCriteria(setup.criteria, (node) => {
    if (node.blocks) node.blocks = node.blocks.map((b) => (b === old ? id : b));
  });
  for (const award of setup.awards?.awards ?? []) {
    const q = award.quotaPerBlock;
    if (q !== undefined && typeof q !== 'number' && old in q) {
      award.quotaPerBlock = Object.fromEntries(
        Object.entries(q).map(([b, n]) => [b === old ? id : b, n]),
      );
    }
  }
  const runnersUp = setup.awards?.runnersUpPerBlock;
  if (
    setup.awards &&
    runnersUp !== undefined &&
    typeof runnersUp !== 'number' &&
    old in runnersUp
  ) {
    setup.awards.runnersUpPerBlock = Object.fromEntries(
      Object.entries(runnersUp).map(([b, n]) => [b === old ? id : b, n]),
    );
  }
  for (const c of setup.awards?.councilChoices ?? []) if (c.block === old) c.block = id;
  return undefined;
}

export function setBlockBands(block: BlockSpec, text: string): string | undefined {
  const bands = parseBandsText(text, true);
  if (!bands.ok) return bands.error;
  if (bands.value) block.bands = bands.value;
  else delete block.bands;
  return undefined;
}
