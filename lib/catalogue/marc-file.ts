import { isUtf8 } from "node:buffer";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { Marc, type MarcField } from "marcjs";
import { DomainError } from "../errors";
import { checkRecord, MAX_IMPORT_ROWS, type ParsedCsv } from "./catalogue-csv";
import { mapMarcRecord, type MarcRecordData } from "./marc-mapping";
import { Marc8Error, marc8ToUnicode } from "./marc8";

// A MARC 21 file (ISO 2709 ".mrc" or MARCXML) read into the rows the catalogue import plans
// from. Each record is read on its own: one that is broken, in an encoding Stacks cannot read or
// invalid as a title is listed with its reason (numbered from 1 in the file), and the others are
// still read.

const RECORD_END = 0x1d;
const FIELD_END = 0x1e;
const SUBFIELD_MARK = 0x1f;
const ESCAPE = 0x1b;

/** Whether these bytes are a MARC file rather than a CSV: MARCXML, or an ISO 2709 leader. */
export function looksLikeMarc(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 2_000)).replace(/^\uFEFF/, "").trimStart();
  if (head.startsWith("<")) return /<(\w+:)?(collection|record)[\s>]/.test(head);
  return /^\d{5}[\s\S]{7}\d{5}/.test(head) && (bytes.includes(RECORD_END) || bytes.includes(FIELD_END));
}

type Read = { record: MarcRecordData } | { problem: string; label?: string };

/** The records of a MARC file, each parsed or with the reason it cannot be. */
export function readMarcRecords(bytes: Uint8Array): Read[] {
  const start = new TextDecoder().decode(bytes.subarray(0, 200)).replace(/^\uFEFF/, "").trimStart();
  const records = start.startsWith("<") ? readMarcXml(new TextDecoder().decode(bytes)) : readIso2709(bytes);
  if (records.length === 0) throw new DomainError("INVALID_INPUT", "The file holds no MARC record.", { file: "The file holds no MARC record." });
  if (records.length > MAX_IMPORT_ROWS) {
    const message = `The file has more than ${MAX_IMPORT_ROWS.toLocaleString("en-US")} records. Split it and import each part.`;
    throw new DomainError("INVALID_INPUT", message, { file: message });
  }
  return records;
}

function readIso2709(bytes: Uint8Array): Read[] {
  const out: Read[] = [];
  let from = 0;
  while (from < bytes.length) {
    let end = bytes.indexOf(RECORD_END, from);
    if (end < 0) end = bytes.length;
    let chunk = bytes.subarray(from, end);
    from = end + 1;
    // Line breaks or spaces between records (some tools write one record a line) are not data.
    let skip = 0;
    while (skip < chunk.length && (chunk[skip] === 0x0a || chunk[skip] === 0x0d || chunk[skip] === 0x20)) skip++;
    chunk = chunk.subarray(skip);
    if (chunk.length === 0) continue;
    out.push(readIsoRecord(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength), end === bytes.length));
  }
  return out;
}

function readIsoRecord(raw: Buffer, unterminated: boolean): Read {
  const ascii = raw.subarray(0, 24).toString("latin1");
  if (raw.length < 26 || !/^\d{5}/.test(ascii) || !/^\d{5}$/.test(ascii.slice(12, 17))) {
    return { problem: unterminated && raw.length < 26 ? "the file ends inside a record (its end mark is missing)." : "the record’s leader is not a MARC 21 leader (no record length or base address)." };
  }
  const base = Number(ascii.slice(12, 17));
  if (base < 25 || base > raw.length || raw[base - 1] !== FIELD_END || (base - 25) % 12 !== 0) return { problem: "the record’s directory is broken (it does not end where the leader says)." };
  for (let i = 24; i < base - 1; i += 12) {
    if (!directoryEntryFits(raw, i, base)) return { problem: `the record’s directory is broken (entry “${raw.subarray(i, i + 3).toString("latin1")}” points outside the record).` };
  }
  // Leader/09: "a" is UCS/Unicode (UTF-8); blank is MARC-8, which is ASCII as long as every
  // byte is below 0x80 (most English records) and otherwise has its character sets converted.
  if (ascii[9] !== "a" && raw.some((b) => b >= 0x80 || b === ESCAPE)) return readMarc8Record(raw, base);
  if (!isUtf8(raw)) return { problem: "the record says it is in UTF-8 (leader/09 “a”) but its bytes are not UTF-8." };
  const parsed = Marc.parse(raw, "iso2709");
  return { record: { leader: parsed.leader, fields: parsed.fields.map(clean) } };
}

/**
 * A MARC-8 record read field by field, each subfield's bytes converted to Unicode (LoC's MARC-8
 * tables, lib/catalogue/marc8.ts): ANSEL's combining diacritics come before their letter in
 * MARC-8 and after it in Unicode, and the escape sequences switch to Greek, Cyrillic, Hebrew,
 * Arabic or CJK. Bytes no MARC-8 set defines refuse the record, named by its ASCII letters.
 */
function readMarc8Record(raw: Buffer, base: number): Read {
  const fields: MarcField[] = [];
  try {
    for (let at = 24; at < base - 1; at += 12) {
      const tag = raw.toString("latin1", at, at + 3);
      const length = Number(raw.toString("latin1", at + 3, at + 7));
      const start = base + Number(raw.toString("latin1", at + 7, at + 12));
      const data = raw.subarray(start, start + length - 1);
      if (tag < "010") {
        fields.push([tag, marc8Text(data)]);
        continue;
      }
      const field: MarcField = [tag, data.toString("latin1", 0, 2)];
      for (const subfield of splitBytes(data.subarray(2), SUBFIELD_MARK).slice(1)) {
        field.push(subfield.toString("latin1", 0, 1), marc8Text(subfield.subarray(1)));
      }
      fields.push(field);
    }
  } catch (e) {
    if (!(e instanceof Marc8Error)) throw e;
    const label = mapMarcRecord(Marc.parse(raw, "iso2709")).label.replace(/\uFFFD/g, "");
    return {
      label,
      problem: `the record is in MARC-8 (leader/09 is blank) but a field has ${e.message}: export it again as MARC 21 in UTF-8 (Unicode), for example with MarcEdit or yaz-marcdump -f MARC-8 -t UTF-8 -o marc.`,
    };
  }
  return { record: { leader: `${raw.toString("latin1", 0, 9)}a${raw.toString("latin1", 10, 24)}`, fields: fields.map(clean) } };
}

function marc8Text(bytes: Buffer): string {
  return bytes.every((b) => b < 0x80 && b !== ESCAPE) ? bytes.toString("latin1") : marc8ToUnicode(bytes);
}

function splitBytes(bytes: Buffer, mark: number): Buffer[] {
  const parts: Buffer[] = [];
  let from = 0;
  for (let i = bytes.indexOf(mark); i >= 0; i = bytes.indexOf(mark, from)) {
    parts.push(bytes.subarray(from, i));
    from = i + 1;
  }
  parts.push(bytes.subarray(from));
  return parts;
}

const CONTROLS = /[\x1d\x1e\x1f]/;

const isDigit = (b: number) => b >= 0x30 && b <= 0x39;
const isTagByte = (b: number) => isDigit(b) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);

/** A directory entry (tag, 4-digit length, 5-digit start) whose field lies inside the record; read byte by byte, 10,000 records make no garbage. */
function directoryEntryFits(raw: Buffer, at: number, base: number): boolean {
  if (!isTagByte(raw[at]) || !isTagByte(raw[at + 1]) || !isTagByte(raw[at + 2])) return false;
  let length = 0;
  let start = 0;
  for (let i = at + 3; i < at + 12; i++) {
    if (!isDigit(raw[i])) return false;
    if (i < at + 7) length = length * 10 + raw[i] - 0x30;
    else start = start * 10 + raw[i] - 0x30;
  }
  return base + start + length <= raw.length + 1;
}

/** Controls left in a value by a sloppy writer (a subfield mark, a field end) are not text. */
function clean(field: MarcField): MarcField {
  if (!field.some((v) => v === undefined || CONTROLS.test(v))) return field;
  return field.map((v, i) => (i === 0 ? v : (v ?? "").replace(/[\x1d\x1e\x1f]/g, "")));
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  removeNSPrefix: true,
  // Numeric character references too (marcjs writes every non-ASCII letter as one).
  htmlEntities: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => ["controlfield", "datafield", "subfield"].includes(name),
});

type XmlSubfield = { code?: string; "#text"?: string } | string;
type XmlRecord = {
  leader?: string | { "#text"?: string };
  controlfield?: ({ tag?: string; "#text"?: string } | string)[];
  datafield?: { tag?: string; ind1?: string; ind2?: string; subfield?: XmlSubfield[] }[];
};

const text = (v: unknown) => (typeof v === "string" ? v : typeof v === "object" && v && "#text" in v ? String((v as { "#text": unknown })["#text"] ?? "") : "");

/** MARCXML records, split at each <record> so that one that is not well-formed spoils only itself. */
function readMarcXml(source: string): Read[] {
  const starts = [...source.matchAll(/<(?:[\w.-]+:)?record[\s>]/g)].map((m) => m.index!);
  return starts.map((at, i) => {
    const chunk = source.slice(at, starts[i + 1] ?? source.length);
    const close = [...chunk.matchAll(/<\/(?:[\w.-]+:)?record\s*>/g)].at(-1);
    if (!close) return { problem: "the record is not closed (its </record> is missing)." };
    const body = chunk.slice(0, close.index! + close[0].length);
    const valid = XMLValidator.validate(body);
    if (valid !== true) return { problem: `the record is not well-formed XML (${valid.err.msg.replace(/\.$/, "")}).` };
    const record = (xml.parse(body) as { record?: XmlRecord }).record;
    if (!record || typeof record !== "object") return { problem: "the record is empty." };
    const fields: MarcField[] = [];
    for (const c of record.controlfield ?? []) if (typeof c === "object" && c.tag) fields.push([c.tag, text(c)]);
    for (const d of record.datafield ?? []) {
      if (!d.tag) continue;
      const sub = (d.subfield ?? []).flatMap((s) => (typeof s === "object" && s.code ? [s.code, text(s)] : []));
      fields.push([d.tag, `${(d.ind1 ?? " ").slice(0, 1) || " "}${(d.ind2 ?? " ").slice(0, 1) || " "}`, ...sub]);
    }
    return { record: { leader: text(record.leader), fields: fields.map(clean) } };
  });
}

/**
 * A MARC file as the rows the import plans from: each record mapped to catalogue cells and
 * validated exactly as a CSV row is, its holdings kept as the copies to add.
 */
export function parseMarcFile(bytes: Uint8Array): ParsedCsv {
  const parsed: ParsedCsv = { rows: [], bad: [] };
  readMarcRecords(bytes).forEach((read, i) => {
    const number = i + 1;
    if ("problem" in read) {
      parsed.bad.push({ line: number, reason: read.label ? `${read.label}: ${read.problem}` : read.problem.charAt(0).toUpperCase() + read.problem.slice(1) });
      return;
    }
    const mapped = mapMarcRecord(read.record);
    const checked = checkRecord(mapped.cells, number);
    const problems = [...("reason" in checked ? [checked.reason.replace(/^title: Enter the title\./, "245 $a: the record has no title.")] : []), ...mapped.problems];
    if (problems.length > 0 || "reason" in checked) {
      parsed.bad.push({ line: number, reason: `${mapped.label ? `${mapped.label}: ` : ""}${problems.join(" ")}` });
      return;
    }
    parsed.rows.push({ ...checked, items: mapped.items });
  });
  return parsed;
}
