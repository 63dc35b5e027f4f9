import clsx from "clsx";

const SIZES = {
  small: { width: 64, height: 96, className: "w-16" },
  medium: { width: 128, height: 192, className: "w-32" },
  large: { width: 240, height: 360, className: "w-48 sm:w-60" },
} as const;

/**
 * A title's cover: its uploaded image, or the generated one. Decorative by default (alt ""),
 * since the title is always written beside it. `priority` loads it at once (in view as the page
 * opens); "high" also fetches it before other images, for the page's largest picture.
 */
export function Cover({
  id,
  coverPath,
  size = "small",
  alt = "",
  priority = false,
}: {
  id: number;
  coverPath: string | null;
  size?: keyof typeof SIZES;
  alt?: string;
  priority?: boolean | "high";
}) {
  const { width, height, className } = SIZES[size];
  return (
    // eslint-disable-next-line @next/next/no-img-element -- covers are SVGs or uploads served as they are
    <img
      src={coverPath ?? `/api/covers/${id}`}
      alt={alt}
      width={width}
      height={height}
      loading={priority ? "eager" : "lazy"}
      fetchPriority={priority === "high" ? "high" : undefined}
      decoding="async"
      className={clsx("aspect-[2/3] h-auto shrink-0 self-start rounded border border-stone-200 bg-stone-100 object-cover shadow-sm", className)}
    />
  );
}
