import { DomainError } from "./errors";

/** The largest CSV file an import accepts: every import reads its upload through csvUpload. */
export const MAX_CSV_BYTES = 8 * 1024 * 1024;

/** The limit as forms show it ("8 MB"). */
export const MAX_CSV_SIZE = `${MAX_CSV_BYTES / (1024 * 1024)} MB`;

const TOO_LARGE = `The file is larger than ${MAX_CSV_SIZE}. Split it and import each part.`;

/** The text of the CSV file a form uploads as `file`, refused when missing, empty or too large. */
export async function csvUpload(form: FormData): Promise<string> {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw new DomainError("INVALID_INPUT", "Choose a CSV file.", { file: "Choose a CSV file." });
  if (file.size > MAX_CSV_BYTES) throw new DomainError("INVALID_INPUT", TOO_LARGE, { file: TOO_LARGE });
  return file.text();
}
