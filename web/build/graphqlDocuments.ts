import type { DocumentNode, FragmentDefinitionNode } from 'graphql'
import type { Plugin } from 'vite'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { Kind, parse, visit } from 'graphql'

const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g
const PREFIX = '\0xuefa-gql:'

/** Every fragment defined in a `graphql()` call of the web app, by name (codegen requires unique names). */
function appFragments(src: string, dir = src, found = new Map<string, FragmentDefinitionNode>()): Map<string, FragmentDefinitionNode> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      if (file !== path.join(src, 'gql'))
        appFragments(src, file, found)
    }
    else if (/\.(?:vue|ts)$/.test(entry.name)) {
      for (const [, source] of readFileSync(file, 'utf8').matchAll(CALL)) {
        for (const definition of parse(source!, { noLocation: true }).definitions) {
          if (definition.kind === Kind.FRAGMENT_DEFINITION)
            found.set(definition.name.value, definition)
        }
      }
    }
  }
  return found
}

/**
 * The document with the fragments it spreads (and theirs) that are defined in other `graphql()` calls,
 * as codegen's generated documents have them: the server needs every fragment in the request.
 */
function withFragments(document: DocumentNode, fragments: Map<string, FragmentDefinitionNode>): DocumentNode {
  const definitions = [...document.definitions]
  const defined = new Set(definitions.flatMap(d => d.kind === Kind.FRAGMENT_DEFINITION ? [d.name.value] : []))
  for (let k = 0; k < definitions.length; k++) {
    visit(definitions[k]!, {
      FragmentSpread(node) {
        const name = node.name.value
        const fragment = fragments.get(name)
        if (defined.has(name) || !fragment)
          return
        defined.add(name)
        definitions.push(fragment)
      },
    })
  }
  return { ...document, definitions }
}

/**
 * Replaces each `graphql(\`…\`)` call with an import of that one document, parsed at build time into a
 * module of its own (as the client preset's Babel plugin does). Without it every page imports
 * `graphql()`, whose lookup table holds every document of the app, and the bundler keeps the generated
 * documents in one shared module: the login page would download the queries of every page.
 * Types still come from the generated `@/gql` (the calls type-check as before).
 */
export function graphqlDocuments(): Plugin {
  const sources = new Map<string, string>()
  let src = ''
  let fragments = new Map<string, FragmentDefinitionNode>()
  return {
    name: 'xuefa:graphql-documents',
    enforce: 'post',
    configResolved(config) {
      src = path.join(config.root, 'src')
    },
    buildStart() {
      fragments = appFragments(src)
    },
    resolveId(id) {
      return id.startsWith(PREFIX) ? id : null
    },
    load(id) {
      if (!id.startsWith(PREFIX))
        return null
      const source = sources.get(id.slice(PREFIX.length))
      if (source === undefined)
        throw new Error(`Unknown GraphQL document ${id}`)
      return `export default ${JSON.stringify(withFragments(parse(source, { noLocation: true }), fragments))}`
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
