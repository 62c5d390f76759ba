/** A local image (a diagram under public/) with a visible caption; the alt text describes what the picture shows. */
export function Figure({
  src,
  alt,
  caption,
  width,
  height,
  narrow,
  narrowWidth,
  narrowHeight,
}: {
  src: string
  alt: string
  caption: string
  width?: number
  height?: number
  /** The same diagram drawn for a phone's column (a vertical arrangement), shown below 640 px instead of `src`. */
  narrow?: string
  narrowWidth?: number
  narrowHeight?: number
}) {
  // The loader rejects remote sources in lesson files; this guards against a component caller doing it.
  for (const [name, value] of [['src', src], ['narrow', narrow]] as const) {
    if (value !== undefined && (!value.startsWith('/') || value.startsWith('//'))) {
      throw new Error(`Figure ${name} "${value}" must be a path under public/, e.g. /diagrams/name.svg`)
    }
  }
  const img = <img src={src} alt={alt} width={width} height={height} loading="lazy" className="block h-auto w-full max-w-full" />
  return (
    <figure className="my-8">
      {/* The SVGs have a viewBox, so they scale down to a phone's column, and a diagram with a `narrow` variant shows
          that one there; "Open full size" shows the wide file alone in the browser, where the learner can zoom it. */}
      <div className="rounded-lg border border-slate-200 bg-white dark:border-slate-700">
        {narrow === undefined ? (
          img
        ) : (
          // The <source>'s own width and height keep the narrow picture's shape reserved while it loads (no shift).
          <picture>
            <source media="(max-width: 639px)" srcSet={narrow} width={narrowWidth} height={narrowHeight} />
            {img}
          </picture>
        )}
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
