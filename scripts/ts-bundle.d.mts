export function isFresh(outfile: string, checkout?: string): boolean
export function freshBundle(entry: string, outfile: string): Promise<string>
