import type { AppPage } from '@/routes'

const EVERYONE = ['CADRE', 'TRAINER', 'ADVISOR', 'ADMIN']
const TRAINERS = ['TRAINER', 'ADMIN']

export const pages: AppPage[] = [
  { path: '/live/join', name: 'live-join', label: 'live.nav', roles: EVERYONE, nav: true, order: 7, component: () => import('./LiveJoinPage.vue') },
  { path: '/live/host/:sessionId', name: 'live-host', label: 'live.host', roles: TRAINERS, nav: false, order: 49, component: () => import('./LiveHostPage.vue') },
  { path: '/live/:id', name: 'live-room', label: 'live.nav', roles: EVERYONE, nav: false, order: 49, component: () => import('./LiveRoomPage.vue') },
]
