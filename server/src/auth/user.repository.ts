import type { SessionUser } from '../context'
import type { Database } from '../db/database'
import type { Role } from './role'
import type { SessionState } from './sessionState'
import type { User } from './user.type'
import { randomUUID } from 'node:crypto'
import { AppError, ErrorCode, notFound } from '../common/errors'
import { recordAudit } from '../db/audit.repository'
import { int } from '../db/database'

/** Map projection of a person with its organisation; `p` must be bound (or null). */
export const PERSON_PROJECTION = `CASE WHEN p IS NULL THEN null ELSE p {
  .id, .name, .category, sample: coalesce(p.sample, false),
  organization: [(p)-[:MEMBER_OF]->(o:Organization) | o {.id, .name, .kind, sample: coalesce(o.sample, false),
    parentId: [(o)-[:PART_OF]->(parent) | parent.id][0]}][0]
} END`

/** What login needs to know about an account. */
export interface LoginRecord {
  user: SessionUser
  passwordHash: string
  session: SessionState
}

/** The session state of `u` (see sessionState.ts); revoked sessions are kept as `id@expirySeconds`. */
const SESSION_STATE = `coalesce(u.sessionVersion, 0) AS version, coalesce(u.disabled, false) AS disabled,
  [s IN coalesce(u.revokedSessions, []) | split(s, '@')[0]] AS revoked`

function sessionState(row: { version: number, disabled: boolean, revoked: string[] }): SessionState {
  return { version: row.version, disabled: row.disabled, revoked: new Set(row.revoked) }
}

export async function findLoginRecord(db: Database, username: string): Promise<LoginRecord | null> {
  const [row] = await db.read<{ id: string, username: string, passwordHash: string, version: number, disabled: boolean, revoked: string[], roles: Role[], personId: string | null, organizationIds: string[] }>(
    `MATCH (u:User {username: $username})
     OPTIONAL MATCH (u)-[:IS]->(p:Person)
     RETURN u.id AS id, u.username AS username, u.passwordHash AS passwordHash, ${SESSION_STATE},
            u.roles AS roles, p.id AS personId,
            CASE WHEN p IS NULL THEN [] ELSE [(p)-[:MEMBER_OF|TRAINS|ADVISES]->(o:Organization) | o.id] END AS organizationIds`,
    { username },
  )
  if (!row)
    return null
  const { passwordHash, version, disabled, revoked, ...user } = row
  return { user, passwordHash, session: sessionState({ version, disabled, revoked }) }
}

/** The session states of the given users, in one query (the session check's cache misses). */
export async function readSessionStates(db: Database, userIds: string[]): Promise<Map<string, SessionState>> {
  const rows = await db.read<{ id: string, version: number, disabled: boolean, revoked: string[] }>(
    `UNWIND $userIds AS id MATCH (u:User {id: id}) RETURN u.id AS id, ${SESSION_STATE}`,
    { userIds },
  )
  return new Map(rows.map(row => [row.id, sessionState(row)]))
}

/**
 * Ends one session before its expiry (signing out): its id joins the user's revoked list, from which
 * ids of sessions expired by now are dropped, so the list stays as short as the sessions still alive.
 */
export async function revokeSession(db: Database, user: SessionUser, expiresAtSeconds: number): Promise<SessionState | null> {
  if (!user.sessionId)
    return null
  return db.transaction(async (tx) => {
    const [row] = await tx.run<{ version: number, disabled: boolean, revoked: string[] }>(
      `MATCH (u:User {id: $userId})
       SET u.revokedSessions = [s IN coalesce(u.revokedSessions, []) WHERE toInteger(split(s, '@')[1]) > $now AND split(s, '@')[0] <> $sessionId]
                               + [$sessionId + '@' + toString($expires)]
       RETURN ${SESSION_STATE}`,
      { userId: user.id, sessionId: user.sessionId, expires: int(expiresAtSeconds), now: int(Math.floor(Date.now() / 1000)) },
    )
    if (!row)
      return null
    await recordAudit(tx, { actor: user, operation: 'logout', targetIds: [user.id] })
    return sessionState(row)
  })
}

const USER_PROJECTION = `u {.id, .username, .roles, disabled: coalesce(u.disabled, false), person: ${PERSON_PROJECTION}}`

export async function findViewer(db: Database, userId: string): Promise<User | null> {
  const [row] = await db.read<{ user: User }>(
    `MATCH (u:User {id: $userId}) OPTIONAL MATCH (u)-[:IS]->(p:Person) RETURN ${USER_PROJECTION} AS user`,
    { userId },
  )
  return row?.user ?? null
}

export async function listUsers(db: Database, skip: number, first: number): Promise<{ total: number, items: User[] }> {
  const [row] = await db.read<{ total: number, items: User[] }>(
    `MATCH (u:User) WITH count(u) AS total
     RETURN total, COLLECT {
       MATCH (u:User) OPTIONAL MATCH (u)-[:IS]->(p:Person)
       RETURN ${USER_PROJECTION} AS item ORDER BY u.username SKIP $skip LIMIT $first
     } AS items`,
    { skip: int(skip), first: int(first) },
  )
  return row ?? { total: 0, items: [] }
}

/** New account and person; refuses a taken username or an unknown organisation. */
export async function createUser(
  db: Database,
  actor: SessionUser | null,
  input: { username: string, passwordHash: string, name: string, roles: Role[], category: string, organizationId: string | null, sample?: boolean },
): Promise<User> {
  const id = `user-${randomUUID()}`
  const personId = `person-${randomUUID()}`
  return db.transaction(async (tx) => {
    const [taken] = await tx.run('MATCH (u:User {username: $username}) RETURN u.id AS id', { username: input.username })
    if (taken)
      throw new AppError(ErrorCode.CONFLICT, `用户名 ${input.username} 已被使用 (username taken): choose another.`, { field: 'username' })
    if (input.organizationId) {
      const [org] = await tx.run('MATCH (o:Organization {id: $id}) RETURN o.id AS id', { id: input.organizationId })
      if (!org)
        throw notFound('单位 (organisation)', input.organizationId)
    }
    const [row] = await tx.run<{ user: User }>(
      `CREATE (u:User {id: $id, username: $username, passwordHash: $passwordHash, roles: $roles, disabled: false, createdAt: datetime()})
       CREATE (p:Person {id: $personId, name: $name, category: $category, sample: $sample})
       CREATE (u)-[:IS]->(p)
       WITH u, p
       OPTIONAL MATCH (o:Organization {id: $organizationId})
       FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | CREATE (p)-[:MEMBER_OF]->(o))
       RETURN ${USER_PROJECTION} AS user`,
      { ...input, id, personId, sample: input.sample ?? false },
    )
    await recordAudit(tx, { actor, operation: 'createUser', targetIds: [id, personId] })
    return row!.user
  })
}

/**
 * Updates an account's roles, password hash or disabled flag. Each of these ends the account's sessions:
 * the session version goes up, so tokens issued before no longer stand (sessionState.ts).
 */
export async function updateUser(
  db: Database,
  actor: SessionUser,
  userId: string,
  operation: string,
  changes: { roles?: Role[], passwordHash?: string, disabled?: boolean },
): Promise<User> {
  return db.transaction(async (tx) => {
    const [row] = await tx.run<{ user: User }>(
      `MATCH (u:User {id: $userId})
       SET u.roles = coalesce($roles, u.roles), u.passwordHash = coalesce($passwordHash, u.passwordHash),
           u.disabled = coalesce($disabled, u.disabled), u.updatedAt = datetime(),
           u.sessionVersion = coalesce(u.sessionVersion, 0) + 1
       WITH u OPTIONAL MATCH (u)-[:IS]->(p:Person)
       RETURN ${USER_PROJECTION} AS user`,
      { userId, roles: changes.roles ?? null, passwordHash: changes.passwordHash ?? null, disabled: changes.disabled ?? null },
    )
    if (!row)
      throw notFound('用户 (user)', userId)
    await recordAudit(tx, { actor, operation, targetIds: [userId] })
    return row.user
  })
}

export async function countUsers(db: Database): Promise<number> {
  const [row] = await db.read<{ n: number }>('MATCH (u:User) RETURN count(u) AS n')
  return row?.n ?? 0
}
