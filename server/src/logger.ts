import pino from 'pino'

/** The process logger. Structured JSON; secrets are redacted wherever they appear in a logged object. */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'xuefa' },
  redact: {
    paths: ['password', '*.password', '*.newPassword', 'passwordHash', '*.passwordHash', 'req.headers.authorization', 'req.headers.cookie', 'variables.password'],
    censor: '[redacted]',
  },
})
