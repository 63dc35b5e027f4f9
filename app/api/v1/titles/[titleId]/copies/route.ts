import { addCopy } from "@/lib/catalogue/add-copy";
import { getTitle } from "@/lib/catalogue/get-title";
import { DomainError } from "@/lib/errors";
import { handle } from "@/lib/rest/handle";
import { OPERATIONS } from "@/lib/rest/operations";
import { copies } from "@/lib/rest/resources";

export const GET = handle(OPERATIONS.listCopies, async ({ params }) => {
  const title = await getTitle(params.titleId);
  if (!title) throw new DomainError("NOT_FOUND", "No title has this id.");
  return { data: copies(title) };
});

export const POST = handle(OPERATIONS.addCopy, ({ params, body, key }) => addCopy({ input: { ...body, titleId: params.titleId }, actorId: key.actorId, via: key.via }));
