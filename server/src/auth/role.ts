import { registerEnumType } from 'type-graphql'

/** What a user may do (DESIGN.md §1). A user may hold several. */
export enum Role {
  CADRE = 'CADRE',
  TRAINER = 'TRAINER',
  ADVISOR = 'ADVISOR',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'A user role: CADRE 干部, TRAINER 培训管理员, ADVISOR 法律顾问, ADMIN 系统管理员.',
})
