/** @type {import('next').NextConfig} */
const nextConfig = {
  // mdx-bundler drives esbuild at build time; bundling them into the server output breaks esbuild's binary lookup.
  serverExternalPackages: ['mdx-bundler', 'esbuild', 'better-sqlite3'],
  poweredByHeader: false,
}

export default nextConfig
