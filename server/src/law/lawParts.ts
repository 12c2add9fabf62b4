import type { LawProblem, ParsedArticle, ParsedDivision, ParsedLaw } from './parse'
import { LawParseError } from './parse'

/**
 * A work published in several files (the 民法典 as 总则, 物权编 … 附则, each file with the work's
 * title, its own `# 合同编` line and the same dates) is one law version. Each file is kept as a part
 * of that version, and the version is rebuilt from all its parts whenever one is imported, so the
 * files can come in any order and a re-imported part replaces only itself.
 */

/** One stored part file of a version. */
export interface LawPart {
  /** The `# 合同编` line. */
  title: string
  fileName: string
  /** The file's decoded text. */
  text: string
  /** {@link contentHash} of the text. */
  hash: string
}

/** Parts of a version after `part` is added (or replaces the part with its title), in a stable order. */
export function withPart(stored: LawPart[], part: LawPart): LawPart[] {
  return [...stored.filter(p => p.title !== part.title), part].sort((a, b) => a.title.localeCompare(b.title))
}

function reId(d: ParsedDivision, prefix: string): ParsedDivision {
  return {
    ...d,
    id: `${prefix}-${d.id}`,
    children: d.children.map(c => reId(c, prefix)),
    articles: d.articles.map(a => ({ ...a, path: [prefix, ...a.path.map(p => `${prefix}-${p}`)] })),
  }
}

/**
 * One law version from its parsed parts: parts in article order (the 民法典 numbers its articles
 * through all its 编), each a PART division titled by its `# …编` line, with its own divisions
 * inside. Refuses parts whose article numbers overlap (two files claiming the same 条).
 */
export function combineParts(parts: ParsedLaw[], fileName: string): ParsedLaw {
  const ordered = [...parts].sort((a, b) => (a.articles[0]?.ordinal ?? 0) - (b.articles[0]?.ordinal ?? 0))
  const owner = new Map<string, string>()
  const problems: LawProblem[] = []
  for (const part of ordered) {
    for (const a of part.articles) {
      const other = owner.get(a.slug)
      if (other !== undefined && other !== part.partTitle)
        problems.push({ line: a.line, message: `重复的条号 (duplicate article number): ${a.number} 已在「${other}」中 (already in part ${other})` })
      owner.set(a.slug, part.partTitle ?? '')
    }
  }
  if (problems.length > 0)
    throw new LawParseError(fileName, problems[0]!.line, problems[0]!.message, problems)
  const divisions: ParsedDivision[] = ordered.map((part, i) => {
    const prefix = `p${i + 1}`
    const inner = part.divisions.map(d => reId(d, prefix))
    const loose: ParsedArticle[] = part.articles.filter(a => a.path.length === 0)
    return {
      id: prefix,
      kind: 'PART',
      number: '',
      ordinal: i + 1,
      title: part.partTitle ?? '',
      order: i + 1,
      line: 0,
      children: inner,
      articles: loose,
      paragraphs: [],
    }
  })
  // Articles keep their objects' order; their paths now start at their part.
  const byPart = divisions.flatMap((d) => {
    const all = (list: ParsedDivision[]): ParsedArticle[] => list.flatMap(x => [...x.articles, ...all(x.children)])
    return [...d.articles.map(a => ({ ...a, path: [d.id] })), ...all(d.children)]
  }).sort((a, b) => a.ordinal - b.ordinal)
  for (const d of divisions)
    d.articles = d.articles.map(a => byPart.find(x => x.slug === a.slug)!)
  const first = ordered[0]!
  const events = [...new Map(ordered.flatMap(p => p.events).map(e => [e.text, e])).values()]
  return {
    ...first,
    partTitle: null,
    events,
    preamble: ordered.flatMap(p => p.preamble),
    divisions,
    articles: byPart,
    warnings: ordered.flatMap(p => p.warnings),
    partial: ordered.map(p => p.partial).find(p => p !== null) ?? null,
  }
}
