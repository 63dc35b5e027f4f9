import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect } from "@playwright/test";
import { readableMail } from "../support/mail";
import { SMTP_SINK_DIR } from "./servers";

/** The newest email the SMTP sink received for `address` whose text matches `pattern`, as a person reads it. */
export async function mailTo(address: string, pattern: RegExp): Promise<string> {
  let found = "";
  await expect
    .poll(
      () => {
        const files = readdirSync(SMTP_SINK_DIR).filter((f) => f.endsWith(".eml")).sort();
        const texts = files.map((f) => readableMail(readFileSync(path.join(SMTP_SINK_DIR, f), "utf8")));
        found = texts.filter((t) => t.startsWith(`X-Envelope-To: ${address}`) && pattern.test(t)).at(-1) ?? "";
        return found !== "";
      },
      { message: `an email to ${address}`, timeout: 20_000 },
    )
    .toBe(true);
  return found;
}
