/**
 * Damage found while reading a part: what is wrong and, when it is one cell, where. The scanners
 * (worksheet.ts, strings.ts) know neither the part's name nor its sheet's; read.ts turns a
 * PartDamage into the user's XlsxError, which does.
 */

/** The kinds of damage, each with its message in vi.xlsx.cells. */
export type DamageKind =
  /** markup that is not well-formed XML (params.what says how) */
  | 'malformed'
  /** a shared-string index that is not in the shared strings (params.value, params.count) */
  | 'sharedString'
  /** a cell written twice */
  | 'cellTwice'
  /** a cell before the previous one of its row (params.prev) */
  | 'cellOrder'
  /** a row before or equal to the previous one (params.row, params.prev) */
  | 'rowOrder'
  /** a cell whose reference names another row than its <row> (params.ref, params.row) */
  | 'cellRow'
  /** a number cell whose text is not an xsd:double (params.value) */
  | 'badNumber'
  /** a boolean cell whose text is not 0, 1, true or false (params.value) */
  | 'badBoolean'
  /** a cell or row reference that is not one or lies beyond XFD1048576 (params.ref) */
  | 'badRef'
  /** more cells, counting the empty ones between them, than a sheet may hold (params.max) */
  | 'tooLarge';

/** Ways markup can be malformed, each with its words in vi.xlsx.cells.what. */
export type MalformedWhat = 'unclosed' | 'mismatch' | 'truncated' | 'badTag' | 'outsideRow';

export class PartDamage extends Error {
  constructor(
    public readonly kind: DamageKind,
    public readonly params: Record<string, string | number> = {},
    /** 0-based cell, when the damage is one cell */
    public readonly cell?: { row: number; col: number },
  ) {
    super(kind);
    this.name = 'PartDamage';
  }
}

/** Malformed markup; `tag` names the element involved, `near` the last cell read (A1). */
export function malformed(what: MalformedWhat, tag = '', near = ''): PartDamage {
  return new PartDamage('malformed', { what, tag, near });
}
