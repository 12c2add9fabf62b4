import type { RouteRecordRaw } from 'vue-router'

/** A page of the app: its route, the roles that see it, and its navigation label (an i18n key). */
export interface AppPage {
  path: string
  name: string
  label: string
  roles: string[] | 'PUBLIC'
  nav: boolean
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

/** The first page a user of these roles lands on. */
export function homeFor(roles: string[]): string {
  const page = pages.find(p => p.nav && p.roles !== 'PUBLIC' && p.roles.some(r => roles.includes(r)))
  return page?.path ?? '/status'
}

export function canSee(page: Pick<AppPage, 'roles'>, roles: string[]): boolean {
  return page.roles === 'PUBLIC' || page.roles.some(r => roles.includes(r))
}

export { ALL as ALL_ROLES }
