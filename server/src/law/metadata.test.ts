import { describe, expect, it } from 'vitest'
import { statedMetadata } from './metadata'

/** Event lines in the corpus form; the titles and bodies are made up. */
function law(title: string, ...events: string[]): { title: string, events: { date: string, text: string, actions: string[] }[] } {
  return { title, events: events.map(text => ({ date: '2020-01-01', text, actions: [] })) }
}

describe('metadata stated in the text', () => {
  it('reads a State Council decree: issuer, number, 行政法规', () => {
    expect(statedMetadata(law('测试条例', '2007年5月29日 中华人民共和国国务院令第499号公布'))).toEqual({ issuer: '国务院', docNumber: '国务院令第499号', level: 'ADMINISTRATIVE_REGULATION' })
  })

  it('reads a municipal government decree as 地方政府规章', () => {
    expect(statedMetadata(law('测试规定', '2016年10月31日 上海市人民政府令第47号公布'))).toEqual({ issuer: '上海市人民政府', docNumber: '上海市人民政府令第47号', level: 'GOVERNMENT_RULE' })
  })

  it('reads a local congress standing committee as 地方性法规', () => {
    expect(statedMetadata(law('测试条例', '2020年10月27日 上海市第十五届人民代表大会常务委员会第二十六次会议通过'))).toEqual({ issuer: '上海市人民代表大会常务委员会', docNumber: null, level: 'LOCAL_REGULATION' })
  })

  it('reads the national congress as 法律 and the courts as 司法解释', () => {
    expect(statedMetadata(law('测试法', '2020年5月28日 第十三届全国人民代表大会第三次会议通过')).level).toBe('LAW')
    expect(statedMetadata(law('测试法', '2020年5月28日 第十三届全国人民代表大会常务委员会第三次会议通过')).issuer).toBe('全国人民代表大会常务委员会')
    expect(statedMetadata(law('最高人民法院关于测试的规定', '2002年7月18日 最高人民法院审判委员会第1232次会议通过'))).toEqual({ issuer: '最高人民法院', docNumber: null, level: 'JUDICIAL_INTERPRETATION' })
    expect(statedMetadata(law('最高人民法院、最高人民检察院关于测试的解释')).issuer).toBe('最高人民法院、最高人民检察院')
  })

  it('leaves what the text does not say unknown', () => {
    expect(statedMetadata(law('测试办法', '2021年5月6日 测试机关通过'))).toEqual({ issuer: null, docNumber: null, level: 'UNKNOWN' })
    expect(statedMetadata(law('中华人民共和国宪法', '1982年12月4日 第五届全国人民代表大会第五次会议通过')).level).toBe('CONSTITUTION')
  })
})
