import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT_DIR } from '../config'
import { buildAppSchema, printAppSchema } from './schema'

describe('the committed SDL', () => {
  it('matches the schema the code builds (run `npm run schema:emit` after an API change and review the diff)', async () => {
    const committed = readFileSync(path.join(ROOT_DIR, 'server/schema.graphql'), 'utf8')
    expect(printAppSchema(await buildAppSchema())).toBe(committed)
  })

  it('describes every type, field and argument', async () => {
    const schema = await buildAppSchema()
    const missing: string[] = []
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))
        continue
      if (!type.description && !['Query', 'Mutation', 'Subscription'].includes(type.name))
        missing.push(type.name)
      if ('getFields' in type) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description)
            missing.push(`${type.name}.${field.name}`)
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description)
              missing.push(`${type.name}.${field.name}(${arg.name})`)
          }
        }
      }
    }
    expect(missing).toEqual([])
  })
})
