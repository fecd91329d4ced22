/** Test helpers: packages zipped by fflate (independent of our zip code) and an Excel-like fixture workbook. */
import { deflateRawSync } from 'node:zlib';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/** The [Content_Types].xml zipOf adds to a package written without one. */
export const MINIMAL_CONTENT_TYPES =
  HEAD +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>` +
  '</Types>';

/**
 * A zip of the given parts, text as UTF-8; `store` keeps entries uncompressed. A package
 * without [Content_Types].xml is refused (Excel opens none), so a minimal one is added unless
 * `contentTypes` is false: tests write only the parts they are about.
 */
export function zipOf(
  files: Record<string, string | Uint8Array>,
  store = false,
  contentTypes = true,
): Uint8Array {
  const z: Zippable = {};
  const all =
    contentTypes && !('[Content_Types].xml' in files)
      ? { '[Content_Types].xml': MINIMAL_CONTENT_TYPES, ...files }
      : files;
  for (const [name, data] of Object.entries(all)) {
    const bytes = typeof data === 'string' ? strToU8(data) : data;
    z[name] = store ? [bytes, { level: 0 }] : bytes;
  }
  return zipSync(z);
}

export function unzipBytes(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function unzipText(bytes: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, data] of Object.entries(unzipSync(bytes))) out[name] = strFromU8(data);
  return out;
}

/** A 1×1 PNG, so the fixture holds a real binary part. */
export const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
);

/** styles.xml as Excel writes it: a custom format 164, a bold 14-pt title font, an xf with alignment, dxfs with their own font. */
export const EXCEL_STYLES =
  HEAD +
  `<styleSheet xmlns="${MAIN}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0"/></numFmts>' +
  '<fonts count="2" x14ac:knownFonts="1">' +
  '<font><sz val="11"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
  '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
  '</fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center"/></xf>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="1"><dxf><font><b/><color rgb="FF9C0006"/></font></dxf></dxfs>' +
  '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '</styleSheet>';

/**
 * The parts of a workbook shaped like one saved by Excel: shared strings (with rich text),
 * styles, a calcChain for a formula on "Tiêu chí" (sheetId 1), an old output sheet "Kết quả"
 * (sheetId 2) with a drawing and an image, a hidden sheet with sheetId 5, defined names,
 * docProps and a customXml part. Sheet order in the workbook differs from part numbering.
 */
export function excelLikeParts(): Record<string, string | Uint8Array> {
  const ws = (body: string, extra = ''): string =>
    HEAD +
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><dimension ref="A1:C3"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><sheetData>${body}</sheetData>${extra}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  return {
    '[Content_Types].xml':
      HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="png" ContentType="image/png"/>' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet2.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/worksheets/sheet3.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>` +
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="${CT}.drawing+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.spreadsheetml.sharedStrings+xml"/>` +
      `<Override PartName="/xl/calcChain.xml" ContentType="${CT}.spreadsheetml.calcChain+xml"/>` +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      `<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/>` +
      `<Override PartName="/customXml/itemProps1.xml" ContentType="${CT}.customXmlProperties+xml"/>` +
      '</Types>',
    '_rels/.rels':
      HEAD +
      `<Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
      '</Relationships>',
    'docProps/app.xml':
      HEAD +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application><TitlesOfParts><vt:vector xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes" size="3" baseType="lpstr"><vt:lpstr>Tiêu chí</vt:lpstr><vt:lpstr>Kết quả</vt:lpstr><vt:lpstr>Ẩn</vt:lpstr></vt:vector></TitlesOfParts></Properties>',
    'docProps/core.xml':
      HEAD +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Sở Nội vụ</dc:creator></cp:coreProperties>',
    'customXml/item1.xml': '<?xml version="1.0"?><data><x>giữ nguyên</x></data>',
    'customXml/itemProps1.xml':
      HEAD +
      '<ds:datastoreItem ds:itemID="{6D1E1A4C-0000-4000-8000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>',
    'customXml/_rels/item1.xml.rels':
      HEAD +
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/customXmlProps" Target="itemProps1.xml"/></Relationships>`,
    'xl/workbook.xml':
      HEAD +
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15">` +
      '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27328"/><workbookPr defaultThemeVersion="166925"/>' +
      '<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" activeTab="1"/></bookViews>' +
      '<sheets>' +
      '<sheet name="Tiêu chí" sheetId="1" r:id="rId1"/>' +
      '<sheet name="Kết quả" sheetId="2" r:id="rId3"/>' +
      '<sheet name="Ẩn" sheetId="5" state="hidden" r:id="rId2"/>' +
      '</sheets>' +
      `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">'Kết quả'!$A$1:$C$3</definedName></definedNames>` +
      '<calcPr calcId="191029"/></workbook>',
    'xl/_rels/workbook.xml.rels':
      HEAD +
      `<Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId8" Type="${REL}/calcChain" Target="calcChain.xml"/>` +
      `<Relationship Id="rId3" Type="${REL}/worksheet" Target="worksheets/sheet2.xml"/>` +
      `<Relationship Id="rId7" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet3.xml"/>` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId6" Type="${REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId9" Type="${REL}/customXml" Target="../customXml/item1.xml"/>` +
      '</Relationships>',
    'xl/sharedStrings.xml':
      HEAD +
      `<sst xmlns="${MAIN}" count="6" uniqueCount="5">` +
      '<si><t>Mã</t></si>' +
      '<si><t>Tên tiêu chí</t></si>' +
      '<si><r><rPr><b/><sz val="11"/></rPr><t>Điểm</t></r><r><t xml:space="preserve"> tối đa</t></r></si>' +
      '<si><t>1.1</t></si>' +
      '<si><t>Ban hành kế hoạch CCHC &amp; kiểm tra</t></si>' +
      '</sst>',
    'xl/styles.xml': EXCEL_STYLES,
    'xl/calcChain.xml':
      HEAD + `<calcChain xmlns="${MAIN}"><c r="C2" i="1"/><c r="C3"/></calcChain>`,
    'xl/worksheets/sheet1.xml': ws(
      '<row r="1" spans="1:3"><c r="A1" s="2" t="s"><v>0</v></c><c r="B1" s="2" t="s"><v>1</v></c><c r="C1" s="2" t="s"><v>2</v></c></row>' +
        '<row r="2" spans="1:3"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c><c r="C2" s="1"><f>2*1</f><v>2</v></c></row>' +
        '<row r="3" spans="1:3"><c r="A3" t="s"><v>3</v></c><c r="C3" s="1"><f>C2/4</f><v>0.5</v></c></row>',
      '<mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells>',
    ),
    'xl/worksheets/sheet2.xml': ws(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Kết quả cũ</t></is></c></row>',
      '<drawing r:id="rId1"/>',
    ),
    'xl/worksheets/_rels/sheet2.xml.rels':
      HEAD +
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/></Relationships>`,
    'xl/drawings/drawing1.xml':
      HEAD +
      '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
      '<xdr:twoCellAnchor editAs="oneCell"><xdr:from><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>' +
      '<xdr:to><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' +
      '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="Logo"/><xdr:cNvPicPr/></xdr:nvPicPr>' +
      `<xdr:blipFill><a:blip xmlns:r="${REL}" r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>` +
      '<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>',
    'xl/drawings/_rels/drawing1.xml.rels':
      HEAD +
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/image" Target="../media/image1.png"/></Relationships>`,
    'xl/media/image1.png': PNG,
    'xl/worksheets/sheet3.xml': ws('<row r="1"><c r="A1"><v>42</v></c></row>'),
  };
}

export function excelLike(): Uint8Array {
  return zipOf(excelLikeParts());
}

/** Entry names whose uncompressed bytes differ between two packages, plus added and removed ones. */
export function diffEntries(
  before: Uint8Array,
  after: Uint8Array,
): { changed: string[]; added: string[]; removed: string[] } {
  const a = unzipSync(before);
  const b = unzipSync(after);
  const changed: string[] = [];
  const added: string[] = [];
  const removed: string[] = [];
  for (const name of Object.keys(a)) {
    if (!(name in b)) removed.push(name);
    else if (!Buffer.from(a[name]).equals(Buffer.from(b[name]))) changed.push(name);
  }
  for (const name of Object.keys(b)) if (!(name in a)) added.push(name);
  return { changed: changed.sort(), added: added.sort(), removed: removed.sort() };
}

function crc32(data: Uint8Array): number {
  let c = -1;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ -1) >>> 0;
}

/**
 * A zip written the way LibreOffice streams it: deflated entries, UTF-8 names, and sizes and CRC
 * only in a data descriptor after each entry (local header fields zero, flag bit 3 set).
 */
export function zipWithDescriptors(files: Record<string, string | Uint8Array>): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === 'string' ? strToU8(content) : content;
    const body = deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x808, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(nameBytes.length, 26);
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(crc, 4);
    descriptor.writeUInt32LE(body.length, 8);
    descriptor.writeUInt32LE(data.length, 12);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x808, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(data.length, 24);
    cd.writeUInt16LE(nameBytes.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, body, descriptor);
    central.push(cd, nameBytes);
    offset += local.length + nameBytes.length + body.length + descriptor.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, cdBytes, end]));
}

/** One entry of `rawZip`: the data, and any header field set to a value of the test's choosing. */
export interface RawEntry {
  name: string;
  data: string | Uint8Array;
  /** 0 = stored, 8 = deflated (the default); another number is written as given. */
  method?: number;
  /** The compressed bytes as stored, instead of the data stored or deflated. */
  body?: Uint8Array;
  flags?: number;
  /** Central directory fields; by default those of `data` and `body`. */
  crc?: number;
  size?: number;
  /** Local header fields; by default the central ones. */
  localCrc?: number;
  localSize?: number;
}

/** A zip written field by field, so that a test can make any entry disagree with its data. */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = typeof entry.data === 'string' ? strToU8(entry.data) : entry.data;
    const method = entry.method ?? 8;
    const body = entry.body ?? (method === 0 ? data : deflateRawSync(data));
    const nameBytes = Buffer.from(entry.name, 'utf8');
    const flags = entry.flags ?? 0x800;
    const crc = entry.crc ?? crc32(data);
    const size = entry.size ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(entry.localCrc ?? crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(entry.localSize ?? size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(flags, 8);
    cd.writeUInt16LE(method, 10);
    cd.writeUInt32LE(crc, 16);
    cd.writeUInt32LE(body.length, 20);
    cd.writeUInt32LE(size, 24);
    cd.writeUInt16LE(nameBytes.length, 28);
    cd.writeUInt32LE(offset, 42);
    chunks.push(local, nameBytes, Buffer.from(body));
    central.push(cd, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, cdBytes, end]));
}

/** The parts as `rawZip` entries (deflated), with `edit` applied to the entry of each part it names. */
export function rawEntries(
  parts: Record<string, string | Uint8Array>,
  edit: Record<string, Partial<RawEntry>> = {},
): RawEntry[] {
  return Object.entries(parts).map(([name, data]) => ({ name, data, ...edit[name] }));
}

/** The zip's CRC-32, bit by bit (independent of the code under test). */
export function bitCrc32(data: Uint8Array): number {
  return crc32(data);
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/**
 * The parts of a one-sheet package: sheet "S" holding `sheetXml` (a whole worksheet part), the
 * shared strings `sst` when given (a whole part), `workbookPr` markup inside workbook.xml.
 */
export function oneSheetParts(
  sheetXml: string,
  sst?: string,
  workbookPr = '',
): Record<string, string> {
  const parts: Record<string, string> = {
    '_rels/.rels':
      XML_HEAD +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      XML_HEAD +
      `<workbook xmlns="${MAIN}" xmlns:r="${REL}">${workbookPr}<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      XML_HEAD +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    'xl/worksheets/sheet1.xml': sheetXml,
  };
  if (sst !== undefined) parts['xl/sharedStrings.xml'] = sst;
  return parts;
}
