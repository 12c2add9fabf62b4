import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql'
import { Kind } from 'graphql'

type Info = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>

/** The field nodes directly in these selection sets, through fragments and inline fragments. */
function fieldsOf(info: Info, sets: readonly (SelectionSetNode | undefined)[]): FieldNode[] {
  const fields: FieldNode[] = []
  const seen = new Set<string>()
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        fields.push(selection)
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
  sets.forEach(visit)
  return fields
}

/**
 * The names of the fields the query selects on the value a resolver returns — or, with `path`, on the
 * object under those fields (`['topics']`: the fields asked of each topic) — through fragments and inline
 * fragments, whatever the aliases, so a repository can leave out of its Cypher what nobody asked for.
 * `@skip`/`@include` are not evaluated: a field under them counts as selected (reading too much is safe,
 * too little is not).
 */
export function selectedFields(info: Info, path: readonly string[] = []): Set<string> {
  let fields = fieldsOf(info, info.fieldNodes.map(node => node.selectionSet))
  for (const name of path)
    fields = fieldsOf(info, fields.filter(f => f.name.value === name).map(f => f.selectionSet))
  return new Set(fields.map(f => f.name.value))
}
