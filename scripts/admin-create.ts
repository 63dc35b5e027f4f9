// `npm run admin:create -- --email head@library.org --name "Head Librarian"`: creates an ADMIN.
// The password comes from ADMIN_PASSWORD or is asked for (not echoed).
import "./environment";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { db } from "../lib/db";
import { isDomainError } from "../lib/errors";
import { ensureLibraryBasics } from "../lib/library-setup";
import { registerPatron } from "../lib/patrons/register-patron";
import { registerSchema } from "../lib/patrons/schemas";

/**
 * Questions on the terminal, or answers piped in one a line. One interface for all of them: its
 * line iterator keeps lines that arrive before they are asked for.
 */
function prompter() {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: Boolean(process.stdin.isTTY) });
  const lines = rl[Symbol.asyncIterator]();
  const echo = rl as unknown as { _writeToOutput: (s: string) => void };
  const write = echo._writeToOutput.bind(rl);
  let muted = false;
  echo._writeToOutput = (s) => {
    if (!muted) write(s);
  };
  return {
    async ask(question: string, hidden = false): Promise<string> {
      process.stdout.write(question);
      muted = hidden;
      const line = await lines.next();
      muted = false;
      if (hidden && process.stdin.isTTY) process.stdout.write("\n");
      if (line.done) throw new Error("No answer given.");
      return hidden ? line.value : line.value.trim();
    },
    close: () => rl.close(),
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
  const prompt = values.email && values.name && process.env.ADMIN_PASSWORD ? null : prompter();
  const email = values.email ?? (await prompt!.ask("Email: "));
  const name = values.name ?? (await prompt!.ask("Full name: "));
  const password = process.env.ADMIN_PASSWORD ?? (await prompt!.ask("Password (at least 10 characters, not shown): ", true));
  prompt?.close();
  const input = registerSchema.safeParse({ email, name, password });
  if (!input.success) throw new Error(input.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  await ensureLibraryBasics(db);
  const admin = await registerPatron({ ...input.data, role: "ADMIN", categoryCode: "STAFF" });
  // The library has its administrator: the setup code printed at start is no longer needed.
  await db.setupCode.deleteMany();
  console.log(`\nCreated administrator ${admin.email} (card ${admin.cardNumber}).`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (e) => {
    console.error(isDomainError(e) ? e.message : (e as Error).message);
    await db.$disconnect();
    process.exit(1);
  });
