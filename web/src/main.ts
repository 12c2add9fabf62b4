import ElementPlus from 'element-plus'
import { createApp } from 'vue'
import { createApolloClient, provideApolloClient } from './apollo'
import App from './App.vue'
import { sessionExpired } from './composables/useSession'
import { i18n } from './i18n'
import { router } from './router'
import 'element-plus/dist/index.css'
import './style.css'

provideApolloClient(createApolloClient({ onUnauthenticated: sessionExpired }))
createApp(App).use(i18n).use(router).use(ElementPlus).mount('#app')
