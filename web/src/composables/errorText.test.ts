import { describe, expect, it } from 'vitest'
import { chineseOnly, errorText } from './errorText'

const texts: Record<string, string> = {
  'errors.NOT_FOUND': '要找的内容不存在或已删除，请返回列表重新选择。',
  'errors.FORBIDDEN': '没有权限执行此操作；如需办理，请联系系统管理员。',
  'errors.UNAUTHENTICATED': '登录已过期，请重新登录。',
  'errors.NETWORK': '网络连接失败，请检查网络后重试。',
  'errors.BAD_USER_INPUT': '填写的内容有误，请检查后重试。',
  'errors.UNKNOWN': '服务暂时出错，请稍后重试；如一再出现，请联系系统管理员。',
}
const t = (key: string) => texts[key] ?? key

describe('what a person reads when a request fails', () => {
  it('keeps the Chinese half of a bilingual message, with its next step, and drops the English', () => {
    expect(chineseOnly('用户名或密码错误，请重新输入 (wrong username or password).')).toBe('用户名或密码错误，请重新输入')
    expect(chineseOnly('至少保留一个角色 (keep at least one role); disable the account instead.')).toBe('至少保留一个角色')
    expect(chineseOnly('登录失败次数过多，请 30 秒后再试 (too many failed logins: try again in 30 s).')).toBe('登录失败次数过多，请 30 秒后再试')
    expect(chineseOnly('题库不足以按规则抽题 (the bank cannot satisfy the blueprint):\n- 单选 缺 2 道')).toBe('题库不足以按规则抽题\n- 单选 缺 2 道')
  })
  it('shows the app\'s own Chinese text, not ids or field names, for not-found, role refusals, expired sessions and outages', () => {
    expect(errorText({ code: 'NOT_FOUND', message: '试卷 quiz-7f3a 不存在 (not found); check the id.', details: { id: 'quiz-7f3a' } }, 'zh-CN', t)).toBe(texts['errors.NOT_FOUND'])
    expect(errorText({ code: 'FORBIDDEN', message: '没有权限 (forbidden): this needs one of the roles TRAINER', details: { accessDenied: true } }, 'zh-CN', t)).toBe(texts['errors.FORBIDDEN'])
    expect(errorText({ code: 'UNAUTHENTICATED', message: '请先登录 (not signed in or the session expired): log in again.', details: { accessDenied: true } }, 'zh-CN', t)).toBe(texts['errors.UNAUTHENTICATED'])
    expect(errorText({ code: 'NETWORK', message: 'Failed to fetch', details: {} }, 'zh-CN', t)).toBe(texts['errors.NETWORK'])
    expect(errorText({ code: 'HTTP_502', message: 'Bad Gateway', details: {} }, 'zh-CN', t)).toBe(texts['errors.UNKNOWN'])
  })
  it('keeps a failed login\'s own message (an UNAUTHENTICATED that is not a role refusal) and a record refusal', () => {
    expect(errorText({ code: 'UNAUTHENTICATED', message: '用户名或密码错误，请重新输入 (wrong username or password).', details: {} }, 'zh-CN', t)).toBe('用户名或密码错误，请重新输入')
    expect(errorText({ code: 'FORBIDDEN', message: '只能查看自己的答卷 (you can read only your own attempts).', details: {} }, 'zh-CN', t)).toBe('只能查看自己的答卷')
  })
  it('gives English users the server\'s bilingual message, and its own text when no Chinese is left', () => {
    expect(errorText({ code: 'CONFLICT', message: '答卷提交冲突 (collision): submit again.', details: {} }, 'en', t)).toBe('答卷提交冲突 (collision): submit again.')
    expect(errorText({ code: 'BAD_USER_INPUT', message: 'Variable "$id" got invalid value', details: {} }, 'zh-CN', t)).toBe(texts['errors.BAD_USER_INPUT'])
    expect(errorText({ code: 'GRAPHQL_VALIDATION_FAILED', message: 'Cannot query field "x"', details: {} }, 'zh-CN', t)).toBe(texts['errors.UNKNOWN'])
  })
})
