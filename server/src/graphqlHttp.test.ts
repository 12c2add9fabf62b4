import { describe, expect, it } from 'vitest'
import { bodyError } from './graphqlHttp'

describe('errors of the HTTP layer', () => {
  it('answers an aborted transfer without logging it as a server fault (400, not 500)', () => {
    const aborted = Object.assign(new Error('Request aborted'), { code: 'ECONNABORTED' })
    const { status, body } = bodyError(aborted, '1mb', 'r-1')
    expect(status).toBe(400)
    expect(JSON.parse(body).errors[0].extensions.code).toBe('BAD_REQUEST')
  })
  it('tells a too-large body (413) and bad JSON (400) apart, and keeps 500 for the unexpected', () => {
    expect(bodyError(Object.assign(new Error('x'), { type: 'entity.too.large' }), '1mb', 'r-2').status).toBe(413)
    expect(bodyError(Object.assign(new Error('x'), { type: 'entity.parse.failed' }), '1mb', 'r-3').status).toBe(400)
    expect(bodyError(new Error('boom'), '1mb', 'r-4').status).toBe(500)
  })
})
