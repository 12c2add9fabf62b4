import type { Plugin } from 'vite'
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/** Files worth compressing: text, over a kilobyte (smaller ones gain less than the headers cost). */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|txt|map)$/
const MIN_BYTES = 1024

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name)
    return statSync(file).isDirectory() ? filesUnder(file) : [file]
  })
}

/**
 * Writes `file.br` (brotli, best) and `file.gz` (gzip, best) next to each built text file, once at build
 * time, so the server sends compressed bytes without compressing on every request.
 */
export function precompress(): Plugin {
  let outDir = ''
  return {
    name: 'xuefa:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir)
    },
    closeBundle() {
      for (const file of filesUnder(outDir)) {
        if (!COMPRESSIBLE.test(file))
          continue
        const bytes = readFileSync(file)
        if (bytes.length < MIN_BYTES)
          continue
        writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }))
        writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }))
      }
    },
  }
}
