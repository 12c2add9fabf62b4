/** One run of a character diff. */
export interface DiffSegment {
  kind: 'same' | 'added' | 'removed'
  text: string
}

/** Above this many cells the LCS table is not built; the texts are shown as wholly replaced. */
const MAX_CELLS = 4_000_000

/**
 * Character diff of two texts by longest common subsequence: what to keep, what `after` added and
 * what it removed from `before`. Adjacent runs of one kind are merged.
 */
export function diffText(before: string, after: string): DiffSegment[] {
  const a = [...before]
  const b = [...after]
  const out: DiffSegment[] = []
  const push = (kind: DiffSegment['kind'], ch: string) => {
    const last = out.at(-1)
    if (last?.kind === kind)
      last.text += ch
    else
      out.push({ kind, text: ch })
  }
  if ((a.length + 1) * (b.length + 1) > MAX_CELLS) {
    if (before)
      out.push({ kind: 'removed', text: before })
    if (after)
      out.push({ kind: 'added', text: after })
    return out
  }
  const width = b.length + 1
  // lcs[i * width + j]: LCS length of a[i..] and b[j..].
  const lcs = new Uint32Array((a.length + 1) * width)
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j]
        ? lcs[(i + 1) * width + j + 1]! + 1
        : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!)
    }
  }
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push('same', a[i]!)
      i++
      j++
    }
    else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      push('removed', a[i++]!)
    }
    else {
      push('added', b[j++]!)
    }
  }
  while (i < a.length) push('removed', a[i++]!)
  while (j < b.length) push('added', b[j++]!)
  return out
}
