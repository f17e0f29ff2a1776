// The parts of autocannon 9 the load benchmark uses (the package ships no types).
declare module 'autocannon' {
  namespace autocannon {
    type Request = {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      setupRequest?: (request: Request, context: Record<string, unknown>) => Request | null;
      onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
    };
    type Options = {
      url: string;
      connections?: number;
      connectionRate?: number;
      duration?: number;
      timeout?: number;
      requests?: Request[];
    };
    type Histogram = { p50: number; p99: number; max: number; average: number };
    type Result = { requests: { total: number }; latency: Histogram; non2xx: number; errors: number };
    type Instance = {
      on(event: 'done', listener: (result: Result) => void): void;
      on(event: 'error', listener: (error: Error) => void): void;
      stop(): void;
    };
  }
  function autocannon(options: autocannon.Options): autocannon.Instance;
  export default autocannon;
}
