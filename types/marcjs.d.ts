// marcjs ships no types: the part of its API Stacks uses (lib/catalogue/marc-*.ts).
declare module "marcjs" {
  /** [tag, value] for a control field; [tag, indicators, code, value, code, value, …] for a data field. */
  export type MarcField = string[];
  export class Record {
    leader: string;
    fields: MarcField[];
  }
  export const Marc: {
    parse(raw: Buffer | string, type: "iso2709" | "marcxml"): Record;
    format(record: Record, type: "iso2709" | "marcxml"): string;
  };
}
