import type { AppPage } from '@/routes'

// Not ALL_ROLES from '@/routes': routes.ts imports this file eagerly, so that binding is not ready yet.
const ALL_ROLES = ['CADRE', 'TRAINER', 'ADVISOR', 'ADMIN']

export const pages: AppPage[] = [
  { path: '/laws', name: 'laws', label: 'nav.laws', roles: ALL_ROLES, nav: true, order: 10, component: () => import('./LawListPage.vue') },
  { path: '/laws/search', name: 'law-search', label: 'law.search.title', roles: ALL_ROLES, nav: false, order: 11, component: () => import('./LawSearchPage.vue') },
  { path: '/laws/graph/:id', name: 'law-graph', label: 'law.graph.title', roles: ALL_ROLES, nav: false, order: 12, component: () => import('./LawGraphPage.vue') },
  { path: '/laws/:id', name: 'law', label: 'law.title', roles: ALL_ROLES, nav: false, order: 13, component: () => import('./LawReaderPage.vue') },
  { path: '/articles/:id', name: 'article', label: 'law.article.title', roles: ALL_ROLES, nav: false, order: 14, component: () => import('./LawArticlePage.vue') },
]
