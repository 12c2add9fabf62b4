import type { AppPage } from '@/routes'

export const pages: AppPage[] = [
  { path: '/admin/users', name: 'admin-users', label: 'nav.admin', roles: ['ADMIN'], nav: true, homeOf: ['ADMIN'], order: 80, component: () => import('./AdminUsersPage.vue') },
]
