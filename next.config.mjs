/** @type {import('next').NextConfig} */
const nextConfig = {
  // mdx-bundler drives esbuild at build time; bundling them into the server output breaks esbuild's binary lookup.
  // rehype-pretty-code and shiki load grammars and themes from their own package files at build time.
  serverExternalPackages: ['mdx-bundler', 'esbuild', 'better-sqlite3', 'rehype-pretty-code', 'shiki'],
  poweredByHeader: false,
  // For every response, static files included; proxy.ts sets the same three on pages and API answers, with the
  // Content-Security-Policy (lib/security/csp.ts says why each value).
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
    ]
  },
  // The e2e fixture course (three lessons) is built into its own folder so it never overwrites the real build.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  typescript: {
    // Next adds its distDir's types to the tsconfig it uses; the fixture build gets its own tsconfig so that
    // the project's tsconfig.json is left alone.
    tsconfigPath: process.env.NEXT_TSCONFIG_PATH || 'tsconfig.json',
  },
}

export default nextConfig
