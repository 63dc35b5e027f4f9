/**
 * Which one of a section's links is the current page: the link whose path is the pathname or its
 * longest ancestor, so "/admin/inventory/import" marks Import/export and not Inventory as well.
 * The section's overview (`rootHref`) is current only on itself, never for the pages below it.
 */
export function currentHref(pathname: string, hrefs: string[], rootHref?: string): string | undefined {
  let best: string | undefined;
  for (const href of hrefs) {
    const matches = pathname === href || (href !== rootHref && pathname.startsWith(`${href}/`));
    if (matches && (best === undefined || href.length > best.length)) best = href;
  }
  return best;
}
