// `npm run admin:create -- --email head@library.org --name "Head Librarian"`: creates an ADMIN.
// The password comes from ADMIN_PASSWORD or is asked for (not echoed).
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { db } from "../lib/db";
import { isDomainError } from "../lib/errors";
import { ensureLibraryBasics } from "../lib/library-setup";
import { registerPatron } from "../lib/patrons/register-patron";
import { registerSchema } from "../lib/patrons/schemas";

function ask(question: string, hidden = false): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  if (hidden) {
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput;
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => write.call(rl, s.startsWith(question) ? s : "");
  }
  return new Promise((resolve) => rl.question(question, (answer) => (rl.close(), resolve(answer))));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
  const email = values.email ?? (await ask("Email: "));
  const name = values.name ?? (await ask("Full name: "));
  const password = process.env.ADMIN_PASSWORD ?? (await ask("Password (at least 10 characters): ", true));
  const input = registerSchema.safeParse({ email, name, password });
  if (!input.success) throw new Error(input.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  await ensureLibraryBasics(db);
  const admin = await registerPatron({ ...input.data, role: "ADMIN", categoryCode: "STAFF" });
  console.log(`\nCreated administrator ${admin.email} (card ${admin.cardNumber}).`);
}

main()
  .then(() => db.$disconnect())
  .catch(async (e) => {
    console.error(isDomainError(e) ? e.message : (e as Error).message);
    await db.$disconnect();
    process.exit(1);
  });
