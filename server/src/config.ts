import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'

/** The repository root, whatever directory the process was started from. */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

function port(name: string, fallback: number) {
  return z.coerce.number({ invalid_type_error: `${name} must be a port number` })
    .int(`${name} must be a whole number`)
    .min(0, `${name} must be between 0 and 65535`)
    .max(65535, `${name} must be between 0 and 65535`)
    .default(fallback)
}

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value)

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port('PORT', 4000),
  HOST: z.string().default('0.0.0.0'),
  NEO4J_URI: z.preprocess(emptyAsUndefined, z.string()
    .regex(/^(?:neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/\S+$/, 'NEO4J_URI must look like neo4j://host:7687 or bolt://host:7687 (schemes neo4j, neo4j+s, neo4j+ssc, bolt, bolt+s, bolt+ssc)')
    .optional()),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().regex(/^[a-z0-9][a-z0-9.-]{0,62}$/i, 'NEO4J_DATABASE must be a database name such as neo4j').default('neo4j'),
  NEO4J_DATA_DIR: z.string().default(path.join(ROOT_DIR, '.data/neo4j')),
  NEO4J_EMBEDDED_PORT: port('NEO4J_EMBEDDED_PORT', 7687),
  NEO4J_EMBEDDED_HEAP: z.string().regex(/^\d+[mg]$/i, 'NEO4J_EMBEDDED_HEAP must be a size such as 1g or 768m').default('1g'),
  NEO4J_EMBEDDED_PAGECACHE: z.string().regex(/^\d+[mg]$/i, 'NEO4J_EMBEDDED_PAGECACHE must be a size such as 512m or 2g').default('1g'),
  JWT_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, 'JWT_SECRET must be at least 32 characters (e.g. `openssl rand -base64 48`)').optional()),
  SESSION_TTL_MINUTES: z.coerce.number().int().min(5, 'SESSION_TTL_MINUTES must be at least 5').max(60 * 24 * 30).default(8 * 60),
  LAW_CORPUS_DIR: z.preprocess(emptyAsUndefined, z.string().optional()),
  SEED_SAMPLE_DATA: z.enum(['auto', 'true', 'false'], { errorMap: () => ({ message: 'SEED_SAMPLE_DATA must be auto, true or false' }) }).default('auto'),
  REDIS_URL: z.preprocess(emptyAsUndefined, z.string()
    .regex(/^rediss?:\/\/\S+$/, 'REDIS_URL must look like redis://host:6379 (or rediss:// for TLS)')
    .optional()),
  XUEFA_DEBUG: z.enum(['0', '1'], { errorMap: () => ({ message: 'XUEFA_DEBUG must be 0 or 1' }) }).default('0').transform(value => value === '1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  WEB_DIST_DIR: z.string().default(path.join(ROOT_DIR, 'web/dist')),
  XUEFA_BENCH: z.enum(['0', '1'], { errorMap: () => ({ message: 'XUEFA_BENCH must be 0 or 1' }) }).default('0'),
})

/** Validated configuration; see README "Configuration". */
export type Config = z.infer<typeof schema> & { embedded: boolean }

/** A configuration problem the operator can fix; its message lists every bad variable. */
export class ConfigError extends Error {}

/**
 * Reads and validates the environment. Every invalid variable is reported in one error, one line each,
 * so an operator fixes them all in one go.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env)
  if (!parsed.success) {
    const lines = parsed.error.issues.map(issue => `  ${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const config = { ...parsed.data, embedded: !parsed.data.NEO4J_URI }
  if (!config.embedded && !config.JWT_SECRET)
    throw new ConfigError('Invalid configuration:\n  JWT_SECRET: required when NEO4J_URI is set (at least 32 characters, e.g. `openssl rand -base64 48`)')
  return config
}
