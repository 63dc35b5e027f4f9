// The two servers playwright.config.ts starts: the demo library and a new, empty library.
export const DEMO_PORT = 3100;
export const EMPTY_PORT = 3101;
export const EMPTY_LIBRARY_URL = `http://localhost:${EMPTY_PORT}`;
