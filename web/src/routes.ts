import type { RouteRecordRaw } from 'vue-router'

/** A page of the app: its route, the roles that see it, and its navigation label (an i18n key). */
export interface AppPage {
  path: string
  name: string
  label: string
  roles: string[] | 'PUBLIC'
  nav: boolean
  /** When set, only these roles see the page in the navigation (others may still open it). */
  navRoles?: string[]
  /** The roles for whom this page is the first one after signing in (their own work page). */
  homeOf?: string[]
  /** Position in the navigation (lower first). */
  order?: number
  component: RouteRecordRaw['component']
}

const ALL = ['CADRE', 'TRAINER', 'ADVISOR', 'ADMIN']

// Each feature declares its pages in features/<feature>/pages.ts (export const pages: AppPage[]).
const featurePages = import.meta.glob<{ pages: AppPage[] }>('./features/*/pages.ts', { eager: true })

/** Every page in navigation order; the navigation shows a user the pages of their roles. */
export const pages: AppPage[] = Object.values(featurePages)
  .flatMap(module => module.pages)
  .sort((a, b) => (a.order ?? 50) - (b.order ?? 50))

/** The first page a user of these roles lands on: their own work page, else the first page they may see. */
export function homeFor(roles: string[]): string {
  const own = pages.find(p => p.homeOf?.some(r => roles.includes(r)))
  const page = own ?? pages.find(p => p.nav && p.roles !== 'PUBLIC' && p.roles.some(r => roles.includes(r)))
  return page?.path ?? '/status'
}

/** Whether these roles may open the page. */
export function canSee(page: Pick<AppPage, 'roles'>, roles: string[]): boolean {
  return page.roles === 'PUBLIC' || page.roles.some(r => roles.includes(r))
}

/** Whether the page is in the navigation of a user with these roles. */
export function inNav(page: Pick<AppPage, 'roles' | 'nav' | 'navRoles'>, roles: string[]): boolean {
  return page.nav && canSee(page, roles) && (!page.navRoles || page.navRoles.some(r => roles.includes(r)))
}

export { ALL as ALL_ROLES }
