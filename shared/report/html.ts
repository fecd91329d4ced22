/**
 * "Sao chép bảng kết quả" (issue 15): report tables as the clipboard carries them — HTML that
 * Word and Google Docs paste as a finished table (title above, thin borders on every cell, the
 * report font, a bold centred header, column widths, numbers right-aligned and spelled as the
 * sheet shows them), and the same tables as plain text (tab-separated, one line per row) for
 * anything that takes only text. Every cell is text: it is escaped, never markup, and a cell
 * that starts like a formula stays the characters it holds.
 */
import { displayValue } from './display';
import type { ReportTable } from './document';
import type { CellValue } from '../model/types';

export interface ReportFont {
  name: string;
  size: number;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text as HTML character data or attribute value: nothing in it can open markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A font family name for a CSS declaration inside a style attribute (quotes dropped). */
function family(name: string): string {
  const clean = name.replace(/["'<>&;{}\\]/g, '').trim() || 'Times New Roman';
  return `'${clean}', serif`;
}

/** Text of a cell with its line breaks kept (a wrapped note typed on two lines). */
const cellHtml = (text: string): string => escapeHtml(text).replace(/\r?\n/g, '<br>');

/** Points of a column whose relative width is `chars` characters of the report font. */
const widthPt = (chars: number, size: number): number =>
  Math.max(18, Math.round(chars * size * 0.55 + 6));

/**
 * The tables as one HTML fragment (a document Word and Google Docs accept from the clipboard):
 * per table its title (bold, centred, above), its subtitle, then the bordered table.
 */
export function reportHtml(tables: readonly ReportTable[], font: ReportFont): string {
  const size = Number.isFinite(font.size) && font.size > 0 ? font.size : 13;
  const text = `font-family:${family(font.name)};font-size:${size}pt`;
  const border = 'border:1px solid #000';
  const parts = tables.map((t) => {
    const width = Math.max(t.header.length, ...t.rows.map((r) => r.length), 0);
    const widths = Array.from({ length: width }, (_, c) =>
      widthPt(t.columns[c]?.width ?? 10, size),
    );
    const cols = widths.map((w) => `<col style="width:${w}pt">`).join('');
    const header = Array.from(
      { length: width },
      (_, c) =>
        `<th style="${border};padding:2pt 4pt;font-weight:bold;text-align:center;vertical-align:middle;width:${widths[c]}pt">${cellHtml(t.header[c] ?? '')}</th>`,
    ).join('');
    const body = t.rows
      .map((row) => {
        const cells = Array.from({ length: width }, (_, c) => {
          const value = row[c];
          const format = t.formats[c] ?? '@';
          const align = typeof value === 'number' ? 'right' : (t.columns[c]?.align ?? 'left');
          const wrap = t.columns[c]?.wrap === false ? ';white-space:nowrap' : '';
          // Excel reads pasted HTML cells as if typed: text is marked text ("=…" stays text).
          const asText = typeof value === 'string' ? ";mso-number-format:'\\@'" : '';
          return `<td style="${border};padding:2pt 4pt;text-align:${align};vertical-align:middle${wrap}${asText}">${cellHtml(displayValue(value, format))}</td>`;
        }).join('');
        return `<tr>${cells}</tr>`;
      })
      .join('');
    return [
      `<p style="${text};font-weight:bold;text-align:center;margin:12pt 0 0 0">${cellHtml(t.title)}</p>`,
      t.subtitle
        ? `<p style="${text};font-style:italic;text-align:center;margin:0">${cellHtml(t.subtitle)}</p>`
        : '',
      `<table style="border-collapse:collapse;${border};${text};margin:6pt 0 0 0">`,
      `<colgroup>${cols}</colgroup>`,
      `<thead><tr>${header}</tr></thead>`,
      `<tbody>${body}</tbody>`,
      '</table>',
    ].join('');
  });
  return `<html><head><meta charset="utf-8"></head><body>${parts.join('')}</body></html>`;
}

/** A cell as one field of a tab-separated line: tabs and line breaks become spaces. */
const field = (text: string): string => text.replace(/[\t\r\n]+/g, ' ');

/**
 * A text cell in the plain-text copy: a spreadsheet pasting it reads what is typed, so text that
 * would start a formula gets the apostrophe Excel and Sheets take as "this is text".
 */
const textField = (v: CellValue | undefined, format: string): string => {
  const text = field(displayValue(v, format));
  return typeof v === 'string' && /^[=+\-@\uff1d]/.test(text) ? `'${text}` : text;
};

/**
 * The tables as plain text: per table its title (and subtitle) on a line, the header, then one
 * tab-separated line per row; a blank line between tables. Numbers as the sheet shows them.
 */
export function reportText(tables: readonly ReportTable[]): string {
  return tables
    .map((t) =>
      [
        field(t.title),
        ...(t.subtitle ? [field(t.subtitle)] : []),
        t.header.map((h) => textField(h, '@')).join('\t'),
        ...t.rows.map((row) => row.map((v, c) => textField(v, t.formats[c] ?? '@')).join('\t')),
      ].join('\r\n'),
    )
    .join('\r\n\r\n');
}
