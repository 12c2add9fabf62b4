import 'reflect-metadata'
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { ROOT_DIR } from '../config'
import { buildAppSchema, printAppSchema } from './schema'

/** `npm run schema:emit`: writes server/schema.graphql from the code. */
const file = path.join(ROOT_DIR, 'server/schema.graphql')
writeFileSync(file, printAppSchema(await buildAppSchema()))
console.log(`wrote ${path.relative(process.cwd(), file)}`)
