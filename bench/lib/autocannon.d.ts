// The part of autocannon 8's API the benchmarks use (the package ships no types).
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  export type RequestParams = { method?: string; path?: string; headers?: Record<string, string>; body?: string };
  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    overallRate?: number;
    connectionRate?: number;
    timeout?: number;
    headers?: Record<string, string>;
    requests?: { method?: string; path?: string; setupRequest?: (request: RequestParams, context: Record<string, number>) => RequestParams }[];
  };
  export type Result = { requests: { total: number }; errors: number; timeouts: number; non2xx: number };
  type Instance = EventEmitter &
    PromiseLike<Result> & {
      on(event: "response", listener: (client: object, statusCode: number, resBytes: number, responseTime: number) => void): Instance;
    };

  function autocannon(options: Options, callback?: (error: Error | null, result: Result) => void): Instance;
  export default autocannon;
}
