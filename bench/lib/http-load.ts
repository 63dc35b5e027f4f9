import autocannon from "autocannon";
import { percentiles, type Percentiles } from "./stats";

export type LoadOptions = {
  url: string;
  /** Paths requested in turn, spread over the connections. */
  paths: string[];
  connections: number;
  seconds: number;
  /** Requests per second over all connections; omit to go as fast as the server allows. */
  overallRate?: number;
  /**
   * With a rate: start the connections spread over one second, each its own autocannon run.
   * autocannon's own --overallRate lets every connection send its quota at the same tick, so
   * 50 requests/s arrive as one burst of 50 at the top of each second.
   */
  staggered?: boolean;
};

export type LoadResult = Percentiles & { requestsPerSecond: number; errors: number; non2xx: number; timeouts: number };

/** autocannon over a rotating list of paths; latencies are taken per response for exact percentiles. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  const requests = [{ setupRequest: (request: { path?: string }) => ({ ...request, path: options.paths[next++ % options.paths.length] }) }];
  const run = (settings: { connections: number; overallRate?: number; connectionRate?: number; delayMs: number }) =>
    new Promise<{ requests: { total: number }; errors: number; timeouts: number; non2xx: number }>((resolve) =>
      setTimeout(() => {
        const instance = autocannon({ url: options.url, duration: options.seconds, timeout: 10, requests, ...settings });
        instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
        resolve(instance);
      }, settings.delayMs),
    );

  const results =
    options.staggered && options.overallRate
      ? await Promise.all(
          Array.from({ length: options.connections }, (_, i) => {
            // Rates as autocannon spreads them (3, 2, 3, 2 … for 50 over 20), each connection
            // starting its second at its own offset.
            const rate = Math.floor(options.overallRate! / options.connections) + (i < options.overallRate! % options.connections ? 1 : 0);
            return run({ connections: 1, connectionRate: rate, delayMs: (i * 1000) / options.connections });
          }),
        )
      : [await run({ connections: options.connections, overallRate: options.overallRate, delayMs: 0 })];

  const sum = (pick: (r: (typeof results)[number]) => number) => results.reduce((s, r) => s + pick(r), 0);
  return {
    ...percentiles(latencies),
    requestsPerSecond: sum((r) => r.requests.total) / options.seconds,
    errors: sum((r) => r.errors),
    non2xx: sum((r) => r.non2xx),
    timeouts: sum((r) => r.timeouts),
  };
}
