import type { AppPage } from '@/routes'

export const pages: AppPage[] = [
  { path: '/stats', name: 'stats', label: 'nav.stats', roles: ['TRAINER', 'ADMIN'], nav: true, order: 47, component: () => import('./ReportPage.vue') },
]
