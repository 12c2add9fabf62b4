import type { Plugin } from 'vite'
import { createHash } from 'node:crypto'
import { parse } from 'graphql'

const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g
const PREFIX = '\0xuefa-gql:'

/**
 * Replaces each `graphql(\`…\`)` call with an import of that one document, parsed at build time into a
 * module of its own (as the client preset's Babel plugin does). Without it every page imports
 * `graphql()`, whose lookup table holds every document of the app, and the bundler keeps the generated
 * documents in one shared module: the login page would download the queries of every page.
 * Types still come from the generated `@/gql` (the calls type-check as before).
 */
export function graphqlDocuments(): Plugin {
  const sources = new Map<string, string>()
  return {
    name: 'xuefa:graphql-documents',
    enforce: 'post',
    resolveId(id) {
      return id.startsWith(PREFIX) ? id : null
    },
    load(id) {
      if (!id.startsWith(PREFIX))
        return null
      const source = sources.get(id.slice(PREFIX.length))
      if (source === undefined)
        throw new Error(`Unknown GraphQL document ${id}`)
      return `export default ${JSON.stringify(parse(source, { noLocation: true }))}`
    },
    transform(code, id) {
      const file = id.split('?')[0]!
      if (!/\/web\/src\/.*\.(?:vue|ts)$/.test(file) || file.includes('/web/src/gql/') || !code.includes('graphql('))
        return null
      const imports: string[] = []
      const replaced = code.replace(CALL, (_call, source: string) => {
        const key = createHash('sha256').update(source).digest('hex').slice(0, 16)
        sources.set(key, source)
        const local = `__gql_${key}`
        imports.push(`import ${local} from ${JSON.stringify(PREFIX + key)};`)
        return local
      })
      if (imports.length === 0)
        return null
      return { code: `${imports.join('\n')}\n${replaced}`, map: null }
    },
  }
}
