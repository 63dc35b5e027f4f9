import type { IncomingMessage, ServerResponse } from "node:http";

export type PageCache = {
  /** Answers from memory when it may, else lets `render` (Next's handler) write the page. */
  serve(req: IncomingMessage, res: ServerResponse, render: (req: IncomingMessage, res: ServerResponse) => Promise<void>): Promise<void>;
};

export function createPageCache(options: { seconds: number; maxBytes?: number; now?: () => number }): PageCache;
