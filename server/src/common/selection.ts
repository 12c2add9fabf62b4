import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql'
import { Kind } from 'graphql'

/**
 * The names of the fields the query selects on the value a resolver returns (through fragments and
 * inline fragments, whatever the aliases), so a repository can leave out of its Cypher what nobody asked
 * for. `@skip`/`@include` are not evaluated: a field under them counts as selected (reading too much is
 * safe, too little is not).
 */
export function selectedFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Set<string> {
  const names = new Set<string>()
  const seen = new Set<string>()
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        names.add(selection.name.value)
      }
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet)
      }
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value)
        visit(info.fragments[selection.name.value]?.selectionSet)
      }
    }
  }
  for (const node of info.fieldNodes)
    visit(node.selectionSet)
  return names
}
