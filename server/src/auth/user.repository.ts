import type { SessionUser } from '../context'
import type { Database, Tx } from '../db/database'
import type { Role } from './access'
import type { User } from './user.type'
import { randomUUID } from 'node:crypto'
import { recordAudit } from '../audit/audit'
import { AppError, ErrorCode, notFound } from '../common/errors'
import { int } from '../db/database'
import { writePeople } from '../org/org.repository'

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
  disabled: boolean
}

export async function findLoginRecord(db: Database, username: string): Promise<LoginRecord | null> {
  const [row] = await db.read<{ id: string, username: string, passwordHash: string, disabled: boolean, roles: Role[], personId: string | null, organizationIds: string[] }>(
    `MATCH (u:User {username: $username})
     OPTIONAL MATCH (u)-[:IS]->(p:Person)
     RETURN u.id AS id, u.username AS username, u.passwordHash AS passwordHash, coalesce(u.disabled, false) AS disabled,
            u.roles AS roles, p.id AS personId,
            CASE WHEN p IS NULL THEN [] ELSE [(p)-[:MEMBER_OF|TRAINS|ADVISES]->(o:Organization) | o.id] END AS organizationIds`,
    { username },
  )
  if (!row)
    return null
  const { passwordHash, disabled, ...user } = row
  return { user, passwordHash, disabled }
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

/** An account to write, linked to its (already written) person. */
export interface UserRow {
  id: string
  username: string
  passwordHash: string
  roles: string[]
  personId: string
  /** Benchmark data, so it can be told apart from real data. */
  synthetic?: boolean
}

/** Creates accounts, each linked to its person (the one writer of User nodes; callers check usernames). */
export async function writeUsers(tx: Tx, rows: UserRow[]): Promise<void> {
  if (rows.length === 0)
    return
  await tx.run(
    `UNWIND $rows AS r
     MATCH (p:Person {id: r.personId})
     CREATE (u:User {id: r.id, username: r.username, passwordHash: r.passwordHash, roles: r.roles, disabled: false,
       createdAt: datetime(), synthetic: r.synthetic})
     CREATE (u)-[:IS]->(p)`,
    { rows },
  )
}

/** New account and person; refuses a taken username or an unknown organisation. */
export async function createUser(
  db: Database,
  actor: SessionUser | null,
  input: { username: string, passwordHash: string, name: string, roles: Role[], category: string, organizationId: string | null, sample?: boolean, trains?: string[], advises?: string[] },
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
    await writePeople(tx, [{ id: personId, name: input.name, category: input.category, organizationId: input.organizationId, sample: input.sample ?? false, trains: input.trains, advises: input.advises }])
    await writeUsers(tx, [{ id, username: input.username, passwordHash: input.passwordHash, roles: input.roles, personId }])
    const [row] = await tx.run<{ user: User }>(
      `MATCH (u:User {id: $id}) OPTIONAL MATCH (u)-[:IS]->(p:Person) RETURN ${USER_PROJECTION} AS user`,
      { id },
    )
    await recordAudit(tx, { actor, operation: 'createUser', targetIds: [id, personId] })
    return row!.user
  })
}

/** Updates an account's roles, password hash or disabled flag. */
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
           u.disabled = coalesce($disabled, u.disabled), u.updatedAt = datetime()
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
