/** Classification: the first band (highest first) whose threshold the printed value reaches. */
import type { CompiledBand } from '../compile/types';
import type { Micro } from '../numbers/points';

export function classify(value: Micro, bands: readonly CompiledBand[]): string {
  for (const band of bands) if (value >= band.min) return band.label;
  // Below every band: the lowest band's label when it is open-ended, else none.
  return '';
}
