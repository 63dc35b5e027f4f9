import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * A link of the public pages, followed in the browser as next/link does, but not prefetched:
 * every page is rendered per request (it carries a nonce), so prefetching the links in view
 * would render a dozen pages on the server for each page a patron opens, and keep the phone busy
 * decoding them while the page should answer to touch.
 */
export function Link(props: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={false} {...props} />;
}
