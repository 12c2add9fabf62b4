import type { AppPage } from '@/routes'

export const pages: AppPage[] = [
  { path: '/status', name: 'status', label: 'nav.status', roles: 'PUBLIC', nav: true, navRoles: ['TRAINER', 'ADVISOR', 'ADMIN'], order: 90, component: () => import('./StatusPage.vue') },
]
