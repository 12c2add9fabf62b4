import type { RouteRecordRaw } from 'vue-router'

/** A page of the app: its route, the roles that see it, and its navigation label (an i18n key). */
export interface AppPage {
  path: string
  name: string
  label: string
  roles: string[] | 'PUBLIC'
  nav: boolean
  component: RouteRecordRaw['component']
}

const ALL = ['CADRE', 'TRAINER', 'ADVISOR', 'ADMIN']

/** Every page; the navigation shows a user the pages of their roles. Features add theirs here. */
export const pages: AppPage[] = [
  { path: '/status', name: 'status', label: 'nav.status', roles: 'PUBLIC', nav: true, component: () => import('./features/status/StatusPage.vue') },
  { path: '/admin/users', name: 'admin-users', label: 'nav.admin', roles: ['ADMIN'], nav: true, component: () => import('./features/admin/AdminUsersPage.vue') },
]

/** The first page a user of these roles lands on. */
export function homeFor(roles: string[]): string {
  const page = pages.find(p => p.nav && p.roles !== 'PUBLIC' && p.roles.some(r => roles.includes(r)))
  return page?.path ?? '/status'
}

export function canSee(page: Pick<AppPage, 'roles'>, roles: string[]): boolean {
  return page.roles === 'PUBLIC' || page.roles.some(r => roles.includes(r))
}

export { ALL as ALL_ROLES }
