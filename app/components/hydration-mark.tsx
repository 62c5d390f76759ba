'use client'
// Renders nothing. Its effect runs once the page has hydrated, and replays the taps on plain buttons made before
// that (early-input.ts).
import { useEffect } from 'react'
import { replayEarlyClicks } from './early-input'

export function HydrationMark() {
  useEffect(() => replayEarlyClicks(), [])
  return null
}
