// The two servers playwright.config.ts starts: the demo library and a new, empty library.
// E2E_PORT moves both (it and the next port), so two checkouts can run the suite side by side.
export const DEMO_PORT = Number(process.env.E2E_PORT ?? 3100);
export const EMPTY_PORT = DEMO_PORT + 1;
export const EMPTY_LIBRARY_URL = `http://localhost:${EMPTY_PORT}`;
/** The empty library's console output, where its setup code is printed. */
export const EMPTY_CONSOLE_LOG = `data/e2e-empty-console-${EMPTY_PORT}.log`;
/** The SMTP server the e2e run starts (tests/e2e/smtp-sink.ts) and where it keeps what it receives. */
// Clear of the ports two-instances.spec.ts and server-workers.spec.ts start (DEMO_PORT + 2, + 3, + 4).
export const SMTP_SINK_PORT = DEMO_PORT + 25;
export const SMTP_SINK_DIR = `data/e2e-mail-${DEMO_PORT}`;
