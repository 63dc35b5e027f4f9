import type { IncomingMessage, ServerResponse } from "node:http";

export type StaticFiles = {
  /** Answers a request for a build file (true), or leaves it to Next (false). */
  serve(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
};

export function createStaticFiles(options: { distDir: string }): StaticFiles;
