import { describe, expect, it } from "vitest";
import { checkEnvironment } from "@/lib/env";

const PRODUCTION = { NODE_ENV: "production", AUTH_SECRET: "a-long-random-secret", CRON_SECRET: "another-long-random-secret" };

function problem(env: Record<string, string | undefined>): string {
  const checked = checkEnvironment(env);
  if (checked.ok) throw new Error("expected the environment to be refused");
  return checked.problem;
}

describe("the environment schema", () => {
  it("accepts an empty environment (the SQLite demo) and a full production one", () => {
    expect(checkEnvironment({}).ok).toBe(true);
    const checked = checkEnvironment({
      ...PRODUCTION,
      DATABASE_URL: "postgresql://stacks:pw@db:5432/stacks",
      DATABASE_POOL_SIZE: "4",
      PORT: "8080",
      SMTP_HOST: "smtp.example.org",
      SMTP_PORT: "465",
      SMTP_SECURE: "true",
      APP_URL: "https://library.example.org",
      SIP2_PORT: "6001",
      STACKS_SCHEDULER: "off",
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
    });
    expect(checked).toMatchObject({ ok: true, env: { DATABASE_POOL_SIZE: 4, PORT: 8080, SMTP_PORT: 465, SIP2_PORT: 6001, STACKS_SCHEDULER: "off" } });
  });

  it("takes several server processes on PostgreSQL only", () => {
    expect(checkEnvironment({ DATABASE_URL: "postgresql://u@h/db", STACKS_WEB_WORKERS: "2" })).toMatchObject({ ok: true, env: { STACKS_WEB_WORKERS: 2 } });
    expect(checkEnvironment({ STACKS_WEB_WORKERS: "1" }).ok).toBe(true);
    expect(problem({ STACKS_WEB_WORKERS: "2" })).toContain("STACKS_WEB_WORKERS above 1 needs PostgreSQL");
    expect(problem({ DATABASE_URL: "postgresql://u@h/db", STACKS_WEB_WORKERS: "0" })).toContain("STACKS_WEB_WORKERS must be the number of server processes");
  });

  it("takes file: and postgres:// URLs, and refuses any other scheme without showing the rest of the URL", () => {
    expect(checkEnvironment({ DATABASE_URL: "file:/var/lib/stacks/stacks.db" }).ok).toBe(true);
    expect(checkEnvironment({ DATABASE_URL: "postgres://u@h/db" }).ok).toBe(true);
    const line = problem({ DATABASE_URL: "postgress://stacks:hunter2@db/stacks" });
    expect(line).toContain("DATABASE_URL");
    expect(line).toContain('"postgress:"');
    expect(line).not.toContain("hunter2");
    expect(problem({ DATABASE_URL: "stacks.db" })).toContain("DATABASE_URL");
  });

  it("requires AUTH_SECRET and CRON_SECRET under NODE_ENV=production only", () => {
    expect(checkEnvironment({ NODE_ENV: "development" }).ok).toBe(true);
    expect(problem({ ...PRODUCTION, AUTH_SECRET: undefined })).toMatch(/^Stacks cannot start: AUTH_SECRET is not set.*openssl rand/);
    expect(problem({ ...PRODUCTION, CRON_SECRET: "" })).toContain("CRON_SECRET is not set");
    const both = problem({ NODE_ENV: "production" });
    expect(both).toContain("AUTH_SECRET");
    expect(both).toContain("CRON_SECRET");
    expect(both.split("\n")).toHaveLength(1);
  });

  it("requires APP_URL when SMTP is set, and a real address", () => {
    expect(problem({ SMTP_HOST: "smtp.example.org" })).toContain("APP_URL is not set");
    expect(problem({ APP_URL: "library.example.org" })).toContain("APP_URL must be");
  });

  it("takes SIP2's TLS certificate and key together or not at all", () => {
    expect(problem({ SIP2_TLS_CERT: "/etc/stacks/sip2.crt" })).toContain("SIP2_TLS_KEY is not set");
    expect(problem({ SIP2_TLS_KEY: "/etc/stacks/sip2.key" })).toContain("SIP2_TLS_CERT is not set");
    expect(checkEnvironment({ SIP2_TLS_CERT: "/etc/stacks/sip2.crt", SIP2_TLS_KEY: "/etc/stacks/sip2.key" })).toMatchObject({ ok: true });
  });

  it("validates numbers and switches, naming the variable", () => {
    expect(problem({ PORT: "80a" })).toContain("PORT must be a port number");
    expect(problem({ PORT: "70000" })).toContain("PORT");
    expect(problem({ DATABASE_POOL_SIZE: "0" })).toContain("DATABASE_POOL_SIZE");
    expect(problem({ SMTP_PORT: "-1" })).toContain("SMTP_PORT");
    expect(problem({ SIP2_PORT: "six" })).toContain("SIP2_PORT");
    expect(problem({ STACKS_SCHEDULER: "no" })).toContain("STACKS_SCHEDULER must be on or off");
    expect(problem({ SMTP_SECURE: "yes" })).toContain("SMTP_SECURE");
    expect(problem({ NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "short" })).toContain("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY");
  });

  it("reads an empty value (FOO= in compose) as unset", () => {
    expect(checkEnvironment({ PORT: "", MAIL_FROM: "", DATABASE_URL: " " })).toMatchObject({ ok: true, env: { PORT: undefined, MAIL_FROM: undefined, DATABASE_URL: undefined } });
  });
});
