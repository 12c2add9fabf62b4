// The part of autocannon 9's API the benchmark uses (the package ships no types).
declare module 'autocannon' {
  interface Request {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
  }

  interface RequestSpec extends Request {
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request
    onResponse?: (status: number, body: string, context: Record<string, unknown>, headers: Record<string, string>) => void
  }

  interface Options {
    url: string
    connections?: number
    pipelining?: number
    duration?: number
    timeout?: number
    requests?: RequestSpec[]
  }

  interface Instance extends PromiseLike<unknown> {
    on: ((event: 'response', listener: (client: unknown, status: number, bytes: number, responseTime: number) => void) => void)
      & ((event: 'reqError', listener: (error: unknown) => void) => void)
    stop: () => void
  }

  function autocannon(options: Options): Instance
  export default autocannon
}
