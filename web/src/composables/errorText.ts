import type { GraphQLFailure } from './useGraphQL'

/**
 * Codes whose server message a person cannot act on, or which may name internal ids: the web shows its
 * own text for them, which says what to do next. The others (bad input, conflicts, throttling, a record
 * that is not the user's) carry the server's specific message.
 */
const OWN_TEXT = new Set(['NOT_FOUND', 'PAYLOAD_TOO_LARGE', 'BAD_REQUEST', 'DATABASE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR', 'NETWORK', 'UNKNOWN'])

/** A parenthesis opening with Latin text (the English half of a bilingual message) and the Latin tail after it. */
const ENGLISH_PART = /\s*\([A-Z`][^()]*\)[^\n\u3000-\u303F\u4E00-\u9FFF\uFF00-\uFFEF]*/gi

/** The Chinese half of a bilingual server message ("用户名或密码错误 (wrong username or password)." → "用户名或密码错误"). */
export function chineseOnly(message: string): string {
  return message.replace(ENGLISH_PART, '').trim()
}

/** Which text the app shows for a failure: the i18n key of its own text, or the server's message. */
export function errorTextKey(failure: GraphQLFailure): string | null {
  const code = failure.code.startsWith('HTTP_') ? 'UNKNOWN' : failure.code
  // A role refusal or an expired session (not a failed login, which has its own message).
  if ((code === 'FORBIDDEN' || code === 'UNAUTHENTICATED') && failure.details.accessDenied === true)
    return `errors.${code}`
  return OWN_TEXT.has(code) ? `errors.${code}` : null
}

/**
 * The text a person sees for a failed request, in the UI language: Chinese with the next step, without
 * field names, internal ids or English; English users get the server's bilingual message.
 */
export function errorText(failure: GraphQLFailure, locale: string, t: (key: string) => string): string {
  const key = errorTextKey(failure)
  if (key)
    return t(key)
  if (locale !== 'zh-CN')
    return failure.message
  const chinese = chineseOnly(failure.message)
  // A message with no Chinese in it (a malformed request the app itself sent) says nothing to a cadre.
  if (!/[\u4E00-\u9FFF]/.test(chinese))
    return t(failure.code === 'BAD_USER_INPUT' ? 'errors.BAD_USER_INPUT' : 'errors.UNKNOWN')
  return chinese
}
