import type { NextFunction, Request, Response } from 'express'
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import express from 'express'

/** Vite names every file under /assets/ by its content hash: a changed file gets a new name. */
const HASHED = /^\/assets\//
const YEAR = 'public, max-age=31536000, immutable'
/** index.html names the current hashed files, so the browser must ask again each time (a 304 when unchanged). */
const REVALIDATE = 'no-cache'
/** Unhashed files next to index.html (the favicon): may change without a new name. */
const HOUR = 'public, max-age=3600'

/** The encodings the build wrote beside each file (web/build/precompress.ts), best first. */
const ENCODINGS = [{ name: 'br', suffix: '.br' }, { name: 'gzip', suffix: '.gz' }] as const

function accepts(req: Request, encoding: string): boolean {
  const header = req.headers['accept-encoding']
  if (typeof header !== 'string')
    return false
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';')
    return name?.trim().toLowerCase() === encoding && !params.some(p => /^\s*q=0(?:\.0*)?\s*$/.test(p))
  })
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile()
  }
  catch {
    return false
  }
}

/**
 * The built web app (web/dist): hashed assets cached for a year, index.html revalidated on every load,
 * and the brotli or gzip file written at build time sent instead of the original when the browser takes
 * it (with `Vary: Accept-Encoding` so caches keep the variants apart). Unknown paths get index.html:
 * the app's router owns them.
 */
export function webApp(distDir: string): express.Router {
  const router = express.Router()
  const root = path.resolve(distDir)
  const index = path.join(root, 'index.html')

  const send = (req: Request, res: Response, next: NextFunction, relative: string) => {
    const file = path.join(root, relative)
    if (!file.startsWith(root + path.sep) || !isFile(file))
      return false
    res.setHeader('Cache-Control', HASHED.test(`/${relative}`) ? YEAR : file === index ? REVALIDATE : HOUR)
    res.setHeader('Vary', 'Accept-Encoding')
    const encoding = ENCODINGS.find(e => accepts(req, e.name) && existsSync(file + e.suffix))
    if (encoding) {
      res.setHeader('Content-Encoding', encoding.name)
      res.type(path.extname(file))
    }
    // `send` works out Last-Modified/ETag and answers conditional requests with 304.
    res.sendFile(encoding ? file + encoding.suffix : file, { dotfiles: 'deny', cacheControl: false, lastModified: true, etag: true }, (error) => {
      if (error && !res.headersSent)
        next(error)
    })
    return true
  }

  router.get(/^(?!\/graphql).*/, (req, res, next) => {
    let relative: string
    try {
      relative = decodeURIComponent(req.path).replace(/^\/+/, '')
    }
    catch {
      relative = ''
    }
    if (relative && !relative.endsWith('.br') && !relative.endsWith('.gz') && send(req, res, next, relative))
      return
    // A missing hashed asset is a 404, not the app: a stale page asking for an old chunk must fail visibly.
    if (HASHED.test(req.path)) {
      res.status(404).type('text/plain').send('Not found')
      return
    }
    send(req, res, next, 'index.html')
  })
  return router
}
