import { Buffer } from 'node:buffer'
import net from 'node:net'

/** One answer as the load generator saw it. */
export interface RawAnswer {
  /** From writing the request to the socket until the whole response was read, in ms. */
  ms: number
  status: number
  body: { data?: any, errors?: { message: string }[] }
}

/**
 * One keep-alive HTTP/1.1 connection that sends prepared requests and reads `content-length` responses:
 * the least work a client can do per request. A burst measured with Node's http client also measures
 * that client: with 200 requests at once it spends tens of milliseconds of its own building them and
 * parsing the answers, on the same cores as the server (the comparison: tests/bench/README.md). Cadres'
 * browsers are each on their own machine; this client keeps the load generator's share out of the latency.
 */
export class RawConnection {
  private socket: net.Socket | null = null
  private buffer: Buffer = Buffer.alloc(0)
  private pending: { started: number, resolve: (answer: RawAnswer) => void, reject: (error: Error) => void } | null = null

  private constructor(private readonly host: string, private readonly port: number) {}

  /** Opens a connection to the server at `url` (http://host:port). */
  static async open(url: string): Promise<RawConnection> {
    const { hostname, port } = new URL(url)
    const connection = new RawConnection(hostname, Number(port))
    await connection.connect()
    return connection
  }

  private connect(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(this.port, this.host)
      socket.setNoDelay(true)
      socket.once('connect', () => {
        this.socket = socket
        resolve()
      })
      socket.once('error', reject)
      socket.on('data', chunk => this.read(chunk))
      socket.on('close', () => {
        this.socket = null
        this.pending?.reject(new Error('connection closed by the server'))
        this.pending = null
      })
    })
  }

  /** A POST of `payload` (JSON) to /graphql, ready to send as often as needed. */
  static graphqlRequest(url: string, payload: string, token: string): Buffer {
    const { host } = new URL(url)
    const body = Buffer.from(payload)
    return Buffer.concat([
      Buffer.from(`POST /graphql HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nAuthorization: Bearer ${token}\r\nContent-Length: ${body.length}\r\n\r\n`),
      body,
    ])
  }

  /** Sends one prepared request and resolves with its answer (one request at a time per connection). */
  async send(request: Buffer): Promise<RawAnswer> {
    if (this.pending)
      throw new Error('one request at a time on a connection')
    if (!this.socket)
      await this.connect()
    return new Promise<RawAnswer>((resolve, reject) => {
      this.pending = { started: performance.now(), resolve, reject }
      this.socket!.write(request)
    })
  }

  private read(chunk: Buffer): void {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk])
    const end = this.buffer.indexOf('\r\n\r\n')
    if (end < 0 || !this.pending)
      return
    const head = this.buffer.subarray(0, end).toString('latin1')
    const length = /\r\ncontent-length: *(\d+)/i.exec(head)
    if (!length) {
      this.pending.reject(new Error(`response without content-length: ${head.split('\r\n')[0]}`))
      this.pending = null
      return
    }
    const total = end + 4 + Number(length[1])
    if (this.buffer.length < total)
      return
    const ms = performance.now() - this.pending.started
    const status = Number(head.slice(9, 12))
    const text = this.buffer.subarray(end + 4, total).toString('utf8')
    this.buffer = this.buffer.subarray(total)
    const { resolve } = this.pending
    this.pending = null
    try {
      resolve({ ms, status, body: JSON.parse(text) })
    }
    catch {
      resolve({ ms, status, body: { errors: [{ message: `not JSON: ${text.slice(0, 200)}` }] } })
    }
  }

  close(): void {
    this.socket?.destroy()
  }
}
