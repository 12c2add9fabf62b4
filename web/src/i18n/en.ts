import type { zhCN } from './zh-CN'

export const en: typeof zhCN = {
  app: { name: 'Xuefa', tagline: 'Law study and major-decision compliance' },
  nav: { status: 'Status', laws: 'Law library', my: 'My study', bank: 'Question bank', quizzes: 'Quizzes', stats: 'Statistics', decisions: 'Decision compliance', admin: 'Admin' },
  role: { CADRE: 'Cadre', TRAINER: 'Trainer', ADVISOR: 'Legal advisor', ADMIN: 'Administrator' },
  common: { loading: 'Loading…', error: 'Something went wrong', retry: 'Retry', save: 'Save', cancel: 'Cancel', create: 'Create', sample: 'Sample', language: 'Language', none: 'Nothing yet' },
  auth: {
    title: 'Sign in to Xuefa',
    username: 'Username',
    password: 'Password',
    login: 'Sign in',
    logout: 'Sign out',
    required: 'Enter your username and password',
    expired: 'Your session expired; please sign in again',
    demoHint: 'Demo accounts: admin / trainer / advisor / cadre, password xuefa-demo',
  },
  status: { title: 'Service status', ok: 'Running', down: 'Unavailable', database: 'Database', version: 'Version', edition: 'Edition' },
  admin: {
    users: 'Users',
    newUser: 'New user',
    name: 'Name',
    roles: 'Roles',
    organization: 'Organisation id',
    disabled: 'Disabled',
    enabled: 'Active',
    resetPassword: 'Reset password',
    newPassword: 'New password',
    created: 'User created',
    passwordReset: 'Password reset',
    disable: 'Disable',
    enable: 'Enable',
  },
}
