import { Marc, Record } from "marcjs";
import { type ExportFilter, exportedTitles } from "./export-catalogue";
import { titleToMarc } from "./marc-mapping";

export type MarcExportFormat = "iso2709" | "marcxml";

const XML_HEAD = `<?xml version="1.0" encoding="UTF-8"?>\n<collection xmlns="http://www.loc.gov/MARC21/slim">\n`;

/** Characters XML 1.0 cannot carry at all (a control character pasted into a description). */
const NOT_XML = /[\x00-\x08\x0b\x0c\x0e-\x1f]/g;

/**
 * The catalogue, or the inventory's filtered view, as MARC 21 in UTF-8: ISO 2709 records one
 * after another, or a MARCXML collection. Streams in the CSV export's batches of a thousand
 * titles; each copy not withdrawn is a 952 holding with its barcode and shelf location.
 */
export async function* exportCatalogueMarc(filter: ExportFilter, format: MarcExportFormat): AsyncGenerator<string> {
  if (format === "marcxml") yield XML_HEAD;
  for await (const batch of exportedTitles(filter)) {
    yield batch
      .map((t) => {
        const record = Object.assign(new Record(), titleToMarc(t));
        if (format === "iso2709") return Marc.format(record, "iso2709");
        record.fields = record.fields.map((f) => f.map((v) => v.replace(NOT_XML, "")));
        // marcjs leaves control field values as they are; Stacks' 001 and 008 never hold markup.
        return Marc.format(record, "marcxml");
      })
      .join("");
  }
  if (format === "marcxml") yield "</collection>\n";
}
