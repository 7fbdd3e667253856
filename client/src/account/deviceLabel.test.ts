import { describe, expect, it } from 'vitest'
import { deviceLabel } from './deviceLabel.ts'

describe('deviceLabel', () => {
  it('names the browser and system of common User-Agents', () => {
    expect(
      deviceLabel(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1'
      )
    ).toBe('Safari · iOS')
    expect(
      deviceLabel(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0'
      )
    ).toBe('Edge · Windows')
    expect(
      deviceLabel('Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0')
    ).toBe('Firefox · Linux')
  })

  it('falls back to the raw text, and to null when there is none', () => {
    expect(deviceLabel('curl/8.0')).toBe('curl/8.0')
    expect(deviceLabel(null)).toBeNull()
  })
})
