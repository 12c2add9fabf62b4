/** Builds the division tree of one law version from the flat rows of a single query. */

export interface DivisionRow {
  id: string
  parentId: string | null
  kind: string
  number: string
  title: string
  order: number
}

export interface TocArticleRow {
  id: string
  ordinal: number
  divisionId: string | null
}

export interface TocNode<A> {
  id: string
  kind: string
  number: string
  title: string
  order: number
  articles: A[]
  children: TocNode<A>[]
}

/**
 * Nests divisions under their parents (siblings by `order`) and puts each article (by `ordinal`)
 * into its division; articles outside any division, or in a division the rows do not contain, are
 * returned as `looseArticles` so nothing is dropped.
 */
export function buildToc<A extends TocArticleRow>(divisions: DivisionRow[], articles: A[]): { divisions: TocNode<A>[], looseArticles: A[] } {
  const nodes = new Map<string, TocNode<A>>(divisions.map(d => [d.id, { id: d.id, kind: d.kind, number: d.number, title: d.title, order: d.order, articles: [], children: [] }]))
  const roots: TocNode<A>[] = []
  for (const d of divisions) {
    const node = nodes.get(d.id)!
    const parent = d.parentId ? nodes.get(d.parentId) : undefined
    if (parent)
      parent.children.push(node)
    else
      roots.push(node)
  }
  const looseArticles: A[] = []
  for (const a of [...articles].sort((x, y) => x.ordinal - y.ordinal)) {
    const owner = a.divisionId ? nodes.get(a.divisionId) : undefined
    if (owner)
      owner.articles.push(a)
    else
      looseArticles.push(a)
  }
  const sort = (list: TocNode<A>[]): TocNode<A>[] => {
    list.sort((x, y) => x.order - y.order)
    list.forEach(n => sort(n.children))
    return list
  }
  return { divisions: sort(roots), looseArticles }
}
