// SIP2 (3M Standard Interchange Protocol 2.00) messages as text: a two-digit command, fixed-length
// fields in order, then variable fields "XXvalue|" (two-letter id, value, pipe), and with error
// detection the sequence number "AYn" and checksum "AZxxxx" last, ended by a carriage return.
// Pure: no sockets, no database.

export type SipMessage = {
  code: string;
  /** The fixed-length part after the command, unparsed (each message knows its own layout). */
  fixed: string;
  /** Variable fields by id; a repeated id (AU, AS, AF…) keeps every value in order. */
  fields: Map<string, string[]>;
  sequence?: string;
};

/** The line length a connection accepts before it is closed (a real message is a few hundred bytes). */
export const MAX_MESSAGE_BYTES = 4096;

/**
 * The checksum: the two's complement of the 16-bit sum of the bytes up to and including "AZ",
 * as four upper-case hex digits. Computed over UTF-8 bytes, so it matches whatever the device sent.
 */
export function checksum(text: string): string {
  let sum = 0;
  for (const byte of Buffer.from(text, "utf8")) sum = (sum + byte) & 0xffff;
  return ((-sum) & 0xffff).toString(16).toUpperCase().padStart(4, "0");
}

export type ParseResult = { ok: true; message: SipMessage } | { ok: false; reason: "garbage" | "checksum" };

/**
 * Reads one message (its terminator already removed). The fixed part's length comes from the
 * command: it ends where the first variable field starts, known per command.
 */
export function parseMessage(line: string): ParseResult {
  const text = line.replace(/[\r\n]+$/, "");
  if (!/^\d{2}/.test(text)) return { ok: false, reason: "garbage" };
  const code = text.slice(0, 2);
  let body = text;
  let sequence: string | undefined;
  const trailer = /\|?AY(\d)AZ([0-9A-Fa-f]{4})$/.exec(text);
  if (trailer) {
    const upToAz = text.slice(0, text.length - 4);
    if (checksum(upToAz).toUpperCase() !== trailer[2].toUpperCase()) return { ok: false, reason: "checksum" };
    sequence = trailer[1];
    body = text.slice(0, trailer.index);
  } else if (/AZ[0-9A-Fa-f]{4}$/.test(text)) {
    // A checksum without a sequence number is still checked.
    const upToAz = text.slice(0, text.length - 4);
    if (checksum(upToAz) !== text.slice(-4).toUpperCase()) return { ok: false, reason: "checksum" };
    body = text.slice(0, text.length - 6);
  }
  const fixedLength = FIXED_LENGTH[code];
  if (fixedLength === undefined) return { ok: false, reason: "garbage" };
  if (body.length < 2 + fixedLength) return { ok: false, reason: "garbage" };
  const fixed = body.slice(2, 2 + fixedLength);
  const fields = new Map<string, string[]>();
  for (const part of body.slice(2 + fixedLength).split("|")) {
    if (part.length === 0) continue;
    if (part.length < 2) return { ok: false, reason: "garbage" };
    const id = part.slice(0, 2);
    fields.set(id, [...(fields.get(id) ?? []), part.slice(2)]);
  }
  return { ok: true, message: { code, fixed, fields, sequence } };
}

/** The fixed-length part's length of each request the server reads (SIP2 2.00). */
const FIXED_LENGTH: Record<string, number> = {
  "93": 2, // UID algorithm, PWD algorithm
  "99": 8, // status code, max print width (3), protocol version (4)
  "23": 21, // language (3), transaction date (18)
  "11": 38, // SC renewal policy, no block, transaction date, nb due date
  "09": 37, // no block, transaction date, return date
  "17": 18, // transaction date
  "63": 31, // language, transaction date, summary (10)
  "29": 38, // third party allowed, no block, transaction date, nb due date
  "65": 18, // transaction date
  "35": 18, // transaction date
  "37": 25, // transaction date, fee type (2), payment type (2), currency (3)
  "15": 19, // hold mode, transaction date
  "01": 19, // card retained, transaction date
  "97": 0,
  // Responses, so the test client reads them with the same parser.
  "94": 1,
  "98": 34,
  "24": 35,
  "12": 22,
  "10": 22,
  "18": 24,
  "64": 59,
  "30": 22,
  "66": 27,
  "36": 19,
  "38": 19,
  "16": 20,
  "96": 0,
};

/** The first value of a field, or "" (SIP2 treats a missing field and an empty one alike). */
export function field(message: SipMessage, id: string): string {
  return message.fields.get(id)?.[0] ?? "";
}

/** A variable field's value: its separator and carriage return cannot appear inside it. */
function clean(value: string): string {
  return value.replace(/[|\r\n]/g, " ");
}

export type OutgoingField = [id: string, value: string | number | undefined | null];

/**
 * Writes a message: code, fixed part, the fields (undefined ones left out), then the sequence and
 * checksum when the request carried a sequence number, and the terminator.
 */
export function formatMessage(code: string, fixed: string, fields: OutgoingField[], sequence?: string): string {
  let text = code + fixed;
  for (const [id, value] of fields) {
    if (value === undefined || value === null) continue;
    text += `${id}${clean(String(value))}|`;
  }
  if (sequence !== undefined) {
    text += `AY${sequence}AZ`;
    text += checksum(text);
  }
  return `${text}\r`;
}

/** A SIP2 date: YYYYMMDDZZZZHHMMSS in the library's local time, with four spaces for the zone. */
export function sipDate(at: Date, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}${parts.month}${parts.day}    ${parts.hour}${parts.minute}${parts.second}`;
}

/** "Y" or "N", the flag format of fixed fields. */
export function yn(flag: boolean): "Y" | "N" {
  return flag ? "Y" : "N";
}

/** A fixed numeric field, right-aligned with zeros ("0003"), or blanks when unknown. */
export function count(value: number | undefined, width = 4): string {
  if (value === undefined) return " ".repeat(width);
  return String(Math.min(value, 10 ** width - 1)).padStart(width, "0");
}
