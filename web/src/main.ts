import { createApp } from 'vue'
import App from './App.vue'
import { i18n } from './i18n'
import { router } from './router'
// Element Plus components and their styles are imported where templates use them (vite.config.ts);
// these are the library's base variables and the styles of the services pages call from scripts.
import 'element-plus/theme-chalk/base.css'
import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import './style.css'

createApp(App).use(i18n).use(router).mount('#app')
