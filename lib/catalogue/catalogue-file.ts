import { DomainError } from "../errors";
import { CSV_TOO_LARGE, MAX_CSV_BYTES } from "../upload-limits";
import { parseCatalogueCsv, type ParsedCsv } from "./catalogue-csv";
import { looksLikeMarc, parseMarcFile } from "./marc-file";

/** A catalogue file to import: the Stacks CSV, or MARC 21 (ISO 2709 or MARCXML) as bytes. */
export type CatalogueFile = { csv: string; marc?: never } | { marc: Uint8Array; csv?: never };

/** What numbers a file's rows in messages: CSV lines, or MARC records. */
export const unitOf = (file: CatalogueFile): "line" | "record" => (file.marc ? "record" : "line");

/** Either kind of file as the rows the import plans from. */
export function readCatalogueFile(file: CatalogueFile): ParsedCsv {
  return file.marc ? parseMarcFile(file.marc) : parseCatalogueCsv(file.csv!);
}

/**
 * The file the catalogue import form uploads as `file`: MARC when its content is MARC (whatever
 * its name), otherwise CSV text. Refused when missing, empty or too large.
 */
export async function catalogueUpload(form: FormData): Promise<CatalogueFile> {
  const file = form.get("file");
  const missing = "Choose a CSV or MARC file.";
  if (!(file instanceof File) || file.size === 0) throw new DomainError("INVALID_INPUT", missing, { file: missing });
  if (file.size > MAX_CSV_BYTES) throw new DomainError("INVALID_INPUT", CSV_TOO_LARGE, { file: CSV_TOO_LARGE });
  const bytes = new Uint8Array(await file.arrayBuffer());
  return looksLikeMarc(bytes) ? { marc: bytes } : { csv: new TextDecoder().decode(bytes) };
}
