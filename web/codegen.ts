import type { CodegenConfig } from '@graphql-codegen/cli'

// Typed GraphQL operations for the web app, from the committed SDL.
const config: CodegenConfig = {
  schema: 'server/schema.graphql',
  documents: ['web/src/**/*.vue', 'web/src/**/*.ts', '!web/src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'web/src/gql/': {
      preset: 'client',
      config: { useTypeImports: true, enumsAsTypes: true },
      presetConfig: { fragmentMasking: false },
    },
  },
}

export default config
