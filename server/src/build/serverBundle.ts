import type { BuildOptions, Metafile, Plugin } from 'esbuild'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { build, version as esbuildVersion } from 'esbuild'
import { ROOT_DIR } from '../config'

/** Where `npm start` finds the compiled server (git-ignored). */
export const SERVER_DIST_DIR = path.join(ROOT_DIR, 'server/dist')

/** The compiled entry point `npm start` runs with plain `node`. */
export const SERVER_BUNDLE = path.join(SERVER_DIST_DIR, 'main.js')

const STAMP_FILE = path.join(SERVER_DIST_DIR, '.build-stamp.json')

/**
 * Every module keeps the `import.meta.url` of its source file: modules find files beside them at run
 * time (seed data in seeds/, `.cypher` files next to repositories, graph/migrations through ROOT_DIR),
 * and a bundle would otherwise give them all the bundle's own URL. The replacement is relative to the
 * bundle, so the checkout can move.
 */
const keepSourceUrls: Plugin = {
  name: 'keep-source-urls',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`))
        return undefined
      const source = readFileSync(args.path, 'utf8')
      if (!source.includes('import.meta.url'))
        return { contents: source, loader: 'ts' }
      const relative = path.relative(SERVER_DIST_DIR, args.path).split(path.sep).join('/')
      return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(relative)}, import.meta.url).href`), loader: 'ts' }
    })
  },
}

const OPTIONS: BuildOptions = {
  entryPoints: [path.join(ROOT_DIR, 'server/src/main.ts')],
  outfile: SERVER_BUNDLE,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies stay in node_modules (native argon2, the driver…): only our own code is compiled.
  packages: 'external',
  tsconfig: path.join(ROOT_DIR, 'tsconfig.json'),
  // type-graphql's decorators need the Reflect polyfill before any class is declared; the banner is
  // the first import of the bundle, so it is evaluated first. No decorator metadata is emitted or
  // needed: every field names its type (`@Field(() => T)`).
  banner: { js: 'import \'reflect-metadata\';' },
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
  plugins: [keepSourceUrls],
}

interface Stamp {
  key: string
  inputs: string[]
}

function hashInputs(inputs: string[]): string | null {
  const hash = createHash('sha256').update(esbuildVersion).update(JSON.stringify({ ...OPTIONS, plugins: OPTIONS.plugins?.map(p => p.name) }))
  for (const input of inputs) {
    const file = path.join(ROOT_DIR, input)
    if (!existsSync(file))
      return null
    hash.update(input).update(readFileSync(file))
  }
  return hash.digest('hex')
}

function inputsOf(metafile: Metafile): string[] {
  // esbuild names inputs relative to its working directory.
  return Object.keys(metafile.inputs).map(input => path.relative(ROOT_DIR, path.resolve(input))).sort()
}

/**
 * Compiles the server into one ES module (server/dist/main.js) unless the sources it was built from are
 * unchanged. The stamp lists every file the last build read with its hash: a new file can only enter
 * the bundle through an import in a file already listed, so an unchanged list means an unchanged bundle.
 * Returns whether it compiled.
 */
export async function buildServer(options: { force?: boolean } = {}): Promise<boolean> {
  if (!options.force && existsSync(SERVER_BUNDLE) && existsSync(STAMP_FILE)) {
    const stamp = JSON.parse(readFileSync(STAMP_FILE, 'utf8')) as Stamp
    if (hashInputs(stamp.inputs) === stamp.key)
      return false
  }
  const result = await build({ ...OPTIONS, absWorkingDir: ROOT_DIR })
  const inputs = inputsOf(result.metafile!)
  const stamp: Stamp = { key: hashInputs(inputs)!, inputs }
  writeFileSync(STAMP_FILE, JSON.stringify(stamp))
  return true
}
