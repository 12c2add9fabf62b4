import type { FragmentDefinitionNode, OperationDefinitionNode } from 'graphql'
import { Kind, parse } from 'graphql'
import { describe, expect, it } from 'vitest'
import { selectedFields } from './selection'

/** The info a resolver of the operation's first root field would get. */
function infoOf(query: string) {
  const document = parse(query)
  const operation = document.definitions.find(d => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode
  const fragments = Object.fromEntries(document.definitions
    .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
    .map(d => [d.name.value, d]))
  const field = operation.selectionSet.selections[0]!
  if (field.kind !== Kind.FIELD)
    throw new Error('first selection is not a field')
  return { fieldNodes: [field], fragments }
}

describe('selectedFields', () => {
  it('lists the fields selected directly, under aliases too', () => {
    const names = selectedFields(infoOf('mutation { submitAttempt(attemptId: "a", submissionId: "s") { id mark: score status } }'))
    expect([...names].sort()).toEqual(['id', 'score', 'status'])
  })

  it('follows named and inline fragments, and a fragment used twice once', () => {
    const names = selectedFields(infoOf(`
      query { attempt(id: "a") { id ...Items ... on Attempt { person { id } } ...Items } }
      fragment Items on Attempt { items { stem } }`))
    expect([...names].sort()).toEqual(['id', 'items', 'person'])
  })

  it('lists the fields of a nested object along a path, merged over aliases and fragments', () => {
    const info = infoOf(`
      query { article(id: "a") { topics { id } t2: topics { name } ...T } }
      fragment T on Article { topics { ... on Topic { articleCount } } }`)
    expect([...selectedFields(info, ['topics'])].sort()).toEqual(['articleCount', 'id', 'name'])
    expect(selectedFields(info, ['law']).size).toBe(0)
  })

  it('does not count fields of nested objects as the object’s own', () => {
    const names = selectedFields(infoOf('query { attempt(id: "a") { quiz { items: title } } }'))
    expect(names.has('items')).toBe(false)
    expect(names.has('quiz')).toBe(true)
  })
})
