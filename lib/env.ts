// The environment Stacks runs with: one zod schema, checked before anything else by every entry
// point, so a bad value stops the start with one line that names the variable and says what to
// do, instead of a stack trace later (or, for a mistyped DATABASE_URL, a stray SQLite file).
//
// Who checks it:
// - the Next server itself, `next start`, `npm start`'s server and the standalone server.js of
//   the Docker image alike: instrumentation.ts calls exitOnBadEnvironment() in register();
// - every script in scripts/: its first import is scripts/environment.ts, which reads `.env` the
//   way Next does (@next/env's loadEnvConfig) and then calls exitOnBadEnvironment();
// - a container's start script: `npx tsx scripts/environment.ts` exits 1 with the line, or from
//   TypeScript run by tsx, `import { exitOnBadEnvironment } from "../lib/env"` and call it first
//   (it prints the line to stderr and exits 1, or returns the parsed Environment).
// A new variable gets its rule here; code that needs a typed value calls environment().
import { z } from "zod";
import { isPostgresUrl } from "./database-url";

/** Unset, and set to an empty string (as `FOO=` in compose or .env), mean the same: not set. */
const unsetIfEmpty = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : typeof value === "string" ? value.trim() : value);

function whole(name: string, { min, max, what }: { min: number; max: number; what: string }) {
  return z.preprocess(
    unsetIfEmpty,
    z
      .string()
      .optional()
      .refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max), `${name} must be ${what} (a whole number from ${min} to ${max})`)
      .transform((v) => (v === undefined ? undefined : Number(v))),
  );
}

const port = (name: string) => whole(name, { min: 1, max: 65_535, what: "a port number" });

function choice<const T extends readonly [string, ...string[]]>(name: string, values: T) {
  return z.preprocess(unsetIfEmpty, z.enum(values, { error: `${name} must be ${values.join(" or ")}` }).optional());
}

const text = z.preprocess(unsetIfEmpty, z.string().optional());

/** Only the scheme is ever shown: the rest of a database URL may hold its password. */
function scheme(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return match ? `it starts with "${match[1]}:"` : "it has no scheme";
}

const DATABASE_URL_FORMS = "file:<path> for SQLite (like file:./data/stacks.db) or postgresql://user:password@host:5432/name for PostgreSQL";

const schema = z
  .object({
    NODE_ENV: choice("NODE_ENV", ["development", "production", "test"]),
    DATABASE_URL: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .optional()
        .superRefine((url, ctx) => {
          if (url === undefined || /^file:./.test(url) || /^postgres(ql)?:\/\/./.test(url)) return;
          ctx.addIssue({ code: "custom", message: `DATABASE_URL must be ${DATABASE_URL_FORMS}, but ${scheme(url)}` });
        }),
    ),
    DATABASE_POOL_SIZE: whole("DATABASE_POOL_SIZE", { min: 1, max: 1000, what: "the number of connections per server process" }),
    PORT: port("PORT"),
    AUTH_SECRET: text,
    CRON_SECRET: text,
    APP_URL: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .optional()
        .refine((v) => v === undefined || /^https?:\/\/[^/]/.test(v), "APP_URL must be the site's address starting with https:// or http:// (like https://library.example.org)"),
    ),
    NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .optional()
        .refine(
          (v) => v === undefined || ([16, 24, 32].includes(Buffer.from(v, "base64").length) && /^[A-Za-z0-9+/]+={0,2}$/.test(v)),
          "NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be a base64 AES key: make one with openssl rand -base64 32",
        ),
    ),
    SMTP_HOST: text,
    SMTP_PORT: port("SMTP_PORT"),
    SMTP_USER: text,
    SMTP_PASSWORD: text,
    SMTP_SECURE: choice("SMTP_SECURE", ["true", "false"]),
    SMTP_IGNORE_TLS: choice("SMTP_IGNORE_TLS", ["true", "false"]),
    SMTP_REQUIRE_TLS: choice("SMTP_REQUIRE_TLS", ["true", "false"]),
    SMTP_MAX_CONNECTIONS: whole("SMTP_MAX_CONNECTIONS", { min: 1, max: 100, what: "the number of SMTP connections" }),
    MAIL_FROM: text,
    MAIL_OUTBOX_DIR: text,
    SIP2_PORT: port("SIP2_PORT"),
    SIP2_IDLE_SECONDS: whole("SIP2_IDLE_SECONDS", { min: 1, max: 86_400, what: "seconds" }),
    // Each a PEM file's path, or the PEM text itself (what a container's secret gives).
    SIP2_TLS_CERT: text,
    SIP2_TLS_KEY: text,
    STACKS_DEMO: choice("STACKS_DEMO", ["0", "1"]),
    STACKS_SCHEDULER: choice("STACKS_SCHEDULER", ["on", "off"]),
    // Read by scripts/serve.mjs: how long a visitor's catalogue page is remembered; 0 turns it off.
    STACKS_PAGE_CACHE_SECONDS: whole("STACKS_PAGE_CACHE_SECONDS", { min: 0, max: 60, what: "seconds" }),
    // Read by scripts/serve.mjs: server processes on this instance (default 1; more only on PostgreSQL).
    STACKS_WEB_WORKERS: whole("STACKS_WEB_WORKERS", { min: 1, max: 64, what: "the number of server processes" }),
    TRUSTED_PROXIES: text,
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === "production") {
      for (const name of ["AUTH_SECRET", "CRON_SECRET"] as const) {
        if (!env[name]) {
          ctx.addIssue({ code: "custom", path: [name], message: `${name} is not set, and NODE_ENV=production needs it: set it to a long random value (openssl rand -base64 32), the same on every instance` });
        }
      }
    }
    if (Boolean(env.SIP2_TLS_CERT) !== Boolean(env.SIP2_TLS_KEY)) {
      const missing = env.SIP2_TLS_CERT ? "SIP2_TLS_KEY" : "SIP2_TLS_CERT";
      ctx.addIssue({ code: "custom", path: [missing], message: `${missing} is not set, and SIP2 over TLS needs both: set SIP2_TLS_CERT to the certificate and SIP2_TLS_KEY to its private key (PEM files), or neither for plain TCP` });
    }
    if ((env.STACKS_WEB_WORKERS ?? 1) > 1 && !isPostgresUrl(env.DATABASE_URL ?? "")) {
      ctx.addIssue({ code: "custom", path: ["STACKS_WEB_WORKERS"], message: "STACKS_WEB_WORKERS above 1 needs PostgreSQL: an SQLite file takes one writer at a time, so it is served by one process; unset it, or set DATABASE_URL to a PostgreSQL database" });
    }
    if (env.SMTP_HOST && !env.APP_URL) {
      ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "APP_URL is not set, and emails need it (SMTP_HOST is set): set it to the site's public address, like https://library.example.org" });
    }
  });

export type Environment = z.infer<typeof schema>;

export type EnvironmentCheck = { ok: true; env: Environment } | { ok: false; problem: string };

/** The environment checked: the typed values, or one line naming each bad variable and what to do. */
export function checkEnvironment(env: Record<string, string | undefined> = process.env): EnvironmentCheck {
  const result = schema.safeParse(env);
  if (result.success) return { ok: true, env: result.data };
  return { ok: false, problem: `Stacks cannot start: ${result.error.issues.map((issue) => issue.message).join("; ")}.` };
}

/** The typed environment for code that needs a value (a bad one throws, naming the variable). */
export function environment(env: Record<string, string | undefined> = process.env): Environment {
  const checked = checkEnvironment(env);
  if (!checked.ok) throw new Error(checked.problem);
  return checked.env;
}

/** For entry points: prints the one line to stderr and exits 1 when the environment is bad. */
export function exitOnBadEnvironment(env: Record<string, string | undefined> = process.env): Environment {
  const checked = checkEnvironment(env);
  if (checked.ok) return checked.env;
  console.error(checked.problem);
  process.exit(1);
}
