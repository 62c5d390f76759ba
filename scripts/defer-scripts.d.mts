export const DEFERRED_LIST_ID: string
export const LOADER: string
export function deferFrameworkScripts(html: string): { html: string; urls: string[] } | undefined
export function deferredScriptUrls(html: string): string[]
export function deferBuild(distDir: string): number
