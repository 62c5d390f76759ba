import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { KeepOptions } from './keep-options'

describe('KeepOptions', () => {
  it.each([
    ['Publishing ports with -p', 'Publishing ports with <span class="whitespace-nowrap">-p</span>'],
    ['Use --network host, not -P', 'Use <span class="whitespace-nowrap">--network</span> host, not <span class="whitespace-nowrap">-P</span>'],
    ['Overlay and orchestrators', 'Overlay and orchestrators'],
    ['A well-known port - or not', 'A well-known port - or not'],
  ])('%j', (text, html) => {
    expect(renderToStaticMarkup(<KeepOptions text={text} />)).toBe(html)
  })
})
