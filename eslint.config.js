import antfu from '@antfu/eslint-config'

export default antfu({
  vue: true,
  typescript: true,
  ignores: ['graph/target/**', 'web/dist/**', 'server/dist/**', 'web/src/gql/**', '.data/**', 'server/schema.graphql', 'tests/bench/results/**', '**/*.md'],
}, {
  rules: {
    'no-console': 'off',
    'node/prefer-global/process': 'off',
    'ts/consistent-type-definitions': 'off',
  },
})
