import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { ROOT_DIR } from '../config'
import { buildAppSchema, printAppSchema } from './schema'

/** `npm run schema:emit`: writes server/schema.graphql from the code. */
const file = path.join(ROOT_DIR, 'server/schema.graphql')
buildAppSchema().then((schema) => {
  writeFileSync(file, printAppSchema(schema))
  console.log(`wrote ${path.relative(process.cwd(), file)}`)
}, (error: unknown) => {
  console.error(error)
  process.exit(1)
})
