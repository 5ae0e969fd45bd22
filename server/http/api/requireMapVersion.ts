import { HttpError } from "../middleware/HttpError";
import type { ApiContext } from "./ApiContext";

type MapVersionDoc = NonNullable<Awaited<ReturnType<ApiContext["repos"]["maps"]["get"]>>>;
type SpaceRef = Parameters<ApiContext["repos"]["maps"]["get"]>[0];

/** One of a space's stored map versions, or the 404 every map route answers when it does not exist. */
export async function requireMapVersion(ctx: ApiContext, space: { _id: SpaceRef; slug: string }, version: number): Promise<MapVersionDoc> {
  const map = await ctx.repos.maps.get(space._id, version);
  if (!map) throw new HttpError(404, `space "${space.slug}" has no map version ${version}`);
  return map;
}
