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
      {/* The SVGs have a viewBox, so they scale down to a phone's column; "Open full size" shows the file alone in
          the browser, where the learner can zoom it. */}
      <div className="rounded-lg border border-slate-200 bg-white dark:border-slate-700">
        <img src={src} alt={alt} width={width} height={height} loading="lazy" className="block h-auto w-full max-w-full" />
      </div>
      <figcaption className="mt-2 text-center text-sm text-slate-600 dark:text-slate-400">
        {caption}{' '}
        <a href={src} className="whitespace-nowrap text-sky-700 underline dark:text-sky-400">
          Open full size
        </a>
      </figcaption>
    </figure>
  )
}
