import { DomainError } from "./errors";
import { CSV_TOO_LARGE, MAX_CSV_BYTES } from "./upload-limits";

/** The text of the CSV file a form uploads as `file`, refused when missing, empty or too large. */
export async function csvUpload(form: FormData): Promise<string> {
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) throw new DomainError("INVALID_INPUT", "Choose a CSV file.", { file: "Choose a CSV file." });
  if (file.size > MAX_CSV_BYTES) throw new DomainError("INVALID_INPUT", CSV_TOO_LARGE, { file: CSV_TOO_LARGE });
  return file.text();
}
