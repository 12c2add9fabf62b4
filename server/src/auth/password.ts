import argon2 from 'argon2'
import { badInput } from '../common/errors'

/** Hashes a password with argon2id (OWASP-recommended parameters are argon2's defaults). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id })
}

// Verifying against this when the account does not exist keeps the timing the same, so response time
// does not reveal which usernames exist.
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$8Wq0n9Mj2oBDbBQfK+0FsI2jY1oMmz0YtYVYz5p6w7Q'

/** True when `password` matches `hash`; with no hash it spends the same time and returns false. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  try {
    const ok = await argon2.verify(hash ?? DUMMY_HASH, password)
    return hash !== null && ok
  }
  catch {
    return false
  }
}

/** Refuses weak passwords with a message saying what is needed. */
export function checkPasswordPolicy(password: string): void {
  if (password.length < 10)
    throw badInput('密码至少 10 个字符 (password must have at least 10 characters).', { field: 'password' })
  if (password.length > 200)
    throw badInput('密码不能超过 200 个字符 (password must have at most 200 characters).', { field: 'password' })
  if (!/\p{L}/u.test(password) || !/\d/.test(password))
    throw badInput('密码须同时包含字母和数字 (password must contain letters and digits).', { field: 'password' })
}
