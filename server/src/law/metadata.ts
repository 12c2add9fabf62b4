import type { LawLevelValue } from './importPlan'
import type { ParsedLaw } from './parse'
import { NUMERAL_CHARS } from './chineseNumber'
import { normaliseLawTitle } from './citations'

/**
 * Metadata a law text states about itself, for laws without a manifest entry: the document number
 * and issuer of its event lines (`2007年5月29日 中华人民共和国国务院令第499号公布`, `上海市第十五届
 * 人民代表大会常务委员会第二十六次会议通过`) and the 效力级别 that follows from the issuer and title.
 * Only what the text says: an issuer it does not name stays null and the level UNKNOWN.
 */
export interface StatedMetadata {
  issuer: string | null
  docNumber: string | null
  level: LawLevelValue
}

const DOC_NUMBER = new RegExp(`((?:[\\u4E00-\\u9FA5]{2,20}?)令第[${NUMERAL_CHARS}]+号|[\\u4E00-\\u9FA5]{1,6}[〔［\\[][0-9]{4}[〕］\\]][0-9]+号)`)
const CONGRESS = new RegExp(`([\\u4E00-\\u9FA5]*?)第[${NUMERAL_CHARS}]+届(全国)?人民代表大会(常务委员会)?`)

/** Reads issuer, document number and level from the title and event lines. */
export function statedMetadata(law: Pick<ParsedLaw, 'title' | 'events'>): StatedMetadata {
  const lines = law.events.map(e => e.text.replace(/^\S*日\s*/, ''))
  const docMatch = lines.map(l => DOC_NUMBER.exec(l)?.[1]).find(Boolean) ?? null
  const docNumber = docMatch ? docMatch.replace(/^中华人民共和国/, '') : null
  const issuer = issuerOf(law.title, lines, docNumber)
  return { issuer, docNumber, level: levelOf(law.title, issuer, docNumber) }
}

function issuerOf(title: string, lines: string[], docNumber: string | null): string | null {
  const all = `${title} ${lines.join(' ')}`
  const court = all.includes('最高人民法院')
  const procuratorate = all.includes('最高人民检察院')
  if (court && procuratorate)
    return '最高人民法院、最高人民检察院'
  if (court)
    return '最高人民法院'
  if (procuratorate)
    return '最高人民检察院'
  const decree = docNumber ? /^(.+?)令第/.exec(docNumber)?.[1] ?? null : null
  if (decree)
    return decree
  for (const line of lines) {
    const m = CONGRESS.exec(line)
    if (m)
      return `${m[1] ?? ''}${m[2] ?? ''}人民代表大会${m[3] ?? ''}`
  }
  if (lines.some(l => l.startsWith('国务院')))
    return '国务院'
  return null
}

function levelOf(title: string, issuer: string | null, docNumber: string | null): LawLevelValue {
  if (normaliseLawTitle(title) === '宪法')
    return 'CONSTITUTION'
  if (issuer === null)
    return 'UNKNOWN'
  if (issuer.startsWith('最高人民'))
    return 'JUDICIAL_INTERPRETATION'
  if (issuer === '国务院' || docNumber?.startsWith('国务院令'))
    return 'ADMINISTRATIVE_REGULATION'
  if (issuer.startsWith('全国人民代表大会'))
    return 'LAW'
  if (issuer.endsWith('人民政府'))
    return 'GOVERNMENT_RULE'
  if (issuer.includes('人民代表大会'))
    return 'LOCAL_REGULATION'
  return 'UNKNOWN'
}
