/** A local image (a diagram under public/) with a visible caption; the alt text describes what the picture shows. */
export function Figure({
  src,
  alt,
  caption,
  width,
  height,
}: {
  src: string
  alt: string
  caption: string
  width?: number
  height?: number
}) {
  // The loader rejects remote sources in lesson files; this guards against a component caller doing it.
  if (!src.startsWith('/') || src.startsWith('//')) {
    throw new Error(`Figure src "${src}" must be a path under public/, e.g. /diagrams/name.svg`)
  }
  return (
    <figure className="my-8">
      {/* Diagrams keep a readable size on phones: the box scrolls sideways, and the image links to itself at full size. */}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-700">
        <a href={src} className="block min-w-[600px] md:min-w-0">
          <img src={src} alt={alt} width={width} height={height} loading="lazy" className="h-auto w-full" />
        </a>
      </div>
      <figcaption className="mt-2 text-center text-sm text-slate-600 dark:text-slate-400">{caption}</figcaption>
    </figure>
  )
}
