import { AsyncLocalStorage } from "node:async_hooks";

// What Next's server sets up before loading its request scope (next/dist/server/node-environment).
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;
