import { describe, expect, it } from 'vitest'
import { csvCell, toCsv } from './csv.ts'

describe('toCsv', () => {
  it('starts with a BOM and ends rows with CRLF', () => {
    expect(toCsv(['名前', '評価'], [['山田 花子', 5]])).toBe('\uFEFF名前,評価\r\n山田 花子,5\r\n')
  })
})

describe('csvCell', () => {
  it('quotes commas, quotes and newlines', () => {
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('1行目\n2行目')).toBe('"1行目\n2行目"')
  })

  it('neutralises text that would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil","x")')).toBe('"\'=HYPERLINK(""http://evil"",""x"")"')
    expect(csvCell('+81 90 1234 5678')).toBe("'+81 90 1234 5678")
    expect(csvCell('-1')).toBe("'-1")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell(-1)).toBe('-1')
  })

  it('writes empty cells for missing values', () => {
    expect(csvCell(null)).toBe('')
    expect(csvCell(undefined)).toBe('')
  })
})
