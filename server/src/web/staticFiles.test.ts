import type { AddressInfo } from 'node:net'
import { Buffer } from 'node:buffer'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { webApp } from './staticFiles'

const SCRIPT = `console.log(${JSON.stringify('学法'.repeat(500))})`
let dir: string
let server: http.Server
let base: string

/** A GET with the raw body (no decompression), as a browser's network layer sees it. */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number, headers: http.IncomingHttpHeaders, body: Buffer }> {
  return new Promise((resolve, reject) => {
    http.get(base + url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', c => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
    }).on('error', reject)
  })
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'xuefa-web-'))
  mkdirSync(path.join(dir, 'assets'))
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>学法</title>')
  writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), SCRIPT)
  writeFileSync(path.join(dir, 'assets', 'app-abc123.js.br'), brotliCompressSync(SCRIPT))
  writeFileSync(path.join(dir, 'assets', 'app-abc123.js.gz'), gzipSync(SCRIPT))
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>')
  const app = express()
  app.use(webApp(dir))
  server = http.createServer(app)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(async () => {
  await new Promise(resolve => server.close(resolve))
  rmSync(dir, { recursive: true, force: true })
})

describe('the built web app as served', () => {
  it('sends the brotli file to a browser that takes brotli, gzip to one that takes gzip, the original otherwise', async () => {
    const br = await get('/assets/app-abc123.js', { 'accept-encoding': 'gzip, deflate, br, zstd' })
    expect(br.status).toBe(200)
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers['content-type']).toMatch(/javascript/)
    expect(br.headers.vary).toMatch(/Accept-Encoding/i)
    expect(brotliDecompressSync(br.body).toString()).toBe(SCRIPT)
    expect(br.body.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 5)

    const gz = await get('/assets/app-abc123.js', { 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    const plain = await get('/assets/app-abc123.js', { 'accept-encoding': 'identity' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(SCRIPT)
    const refused = await get('/assets/app-abc123.js', { 'accept-encoding': 'br;q=0, gzip' })
    expect(refused.headers['content-encoding']).toBe('gzip')
  })

  it('caches hashed assets for a year, immutable; index.html is revalidated on every load', async () => {
    expect((await get('/assets/app-abc123.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const index = await get('/')
    expect(index.headers['cache-control']).toBe('no-cache')
    expect(index.body.toString()).toContain('<title>学法</title>')
    // The app's own routes get index.html, with the same no-cache.
    const route = await get('/sessions/abc')
    expect(route.headers['cache-control']).toBe('no-cache')
    expect(route.body.toString()).toContain('<title>学法</title>')
    expect((await get('/favicon.svg')).headers['cache-control']).toBe('public, max-age=3600')
  })

  it('answers a missing hashed asset with 404, not the app, and never serves files outside the folder', async () => {
    expect((await get('/assets/gone-000000.js')).status).toBe(404)
    const outside = await get('/%2e%2e/%2e%2e/etc/passwd')
    expect(outside.body.toString()).not.toContain('root:')
  })
})
