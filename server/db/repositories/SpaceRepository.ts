import type { Types } from "mongoose";
import type { Models } from "../models";
import { DEFAULT_SPACE_SETTINGS, type OwnerSetup, type SpaceDoc, type SpaceSettings } from "../models/Space";
import { ConflictError, isDuplicateKeyError } from "./errors";

export class SpaceRepository {
  constructor(private readonly models: Models) {}

  findBySlug(slug: string): Promise<SpaceDoc | null> {
    return this.models.Space.findOne({ slug }).lean<SpaceDoc>().exec();
  }

  findById(id: Types.ObjectId): Promise<SpaceDoc | null> {
    return this.models.Space.findById(id).lean<SpaceDoc>().exec();
  }

  /** Slugs of the given spaces (unknown ids are skipped). */
  async slugsOf(ids: Types.ObjectId[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const docs = await this.models.Space.find({ _id: { $in: ids } }, { slug: 1 }).lean<{ slug: string }[]>().exec();
    return docs.map((d) => d.slug);
  }

  count(): Promise<number> {
    return this.models.Space.countDocuments().exec();
  }

  /** Creates a space without a map; throws ConflictError when the slug is taken. */
  async create(input: { slug: string; name: string; settings?: Partial<SpaceSettings>; needsOwner?: boolean }): Promise<SpaceDoc> {
    try {
      const doc = await this.models.Space.create({
        slug: input.slug,
        name: input.name,
        settings: { ...DEFAULT_SPACE_SETTINGS, ...input.settings },
        needsOwner: input.needsOwner ?? false,
      });
      return doc.toObject();
    } catch (err) {
      if (isDuplicateKeyError(err)) throw new ConflictError(`space "${input.slug}" already exists`);
      throw err;
    }
  }

  /**
   * Takes the "needs an owner" mark off the first space that carries it and
   * returns that space, or null when none does. One conditional update: of two
   * sign-ups racing, exactly one gets the space.
   */
  claimOwnership(): Promise<SpaceDoc | null> {
    return this.models.Space.findOneAndUpdate({ needsOwner: true }, { $set: { needsOwner: false } }, { returnDocument: "after" })
      .lean<SpaceDoc>()
      .exec();
  }

  /** Puts the mark back (the claim won, but the owner's membership could not be written). */
  async releaseOwnership(id: Types.ObjectId): Promise<void> {
    await this.models.Space.updateOne({ _id: id }, { $set: { needsOwner: true } }).exec();
  }

  /** Whether some space still waits for its first owner. */
  async awaitingOwner(): Promise<SpaceDoc | null> {
    return this.models.Space.findOne({ needsOwner: true }).lean<SpaceDoc>().exec();
  }

  /** Every space's id, slug and name, oldest first (a start-up check walks them). */
  listAll(): Promise<Array<Pick<SpaceDoc, "_id" | "slug" | "name" | "needsOwner" | "createdAt">>> {
    return this.models.Space.find({}, { slug: 1, name: 1, needsOwner: 1, createdAt: 1 }).sort({ createdAt: 1 }).lean<SpaceDoc[]>().exec();
  }

  /** Marks an ownerless space for the first sign-up to claim (as a fresh install's); false if it was marked already. */
  async markNeedsOwner(id: Types.ObjectId): Promise<boolean> {
    const result = await this.models.Space.updateOne({ _id: id, needsOwner: { $ne: true } }, { $set: { needsOwner: true } }).exec();
    return result.modifiedCount > 0;
  }

  /** Stores a new setup link's hash and expiry; an older link of the space stops working. */
  async setOwnerSetup(id: Types.ObjectId, setup: OwnerSetup): Promise<void> {
    await this.models.Space.updateOne({ _id: id }, { $set: { ownerSetup: setup } }).exec();
  }

  /**
   * Uses up a live setup link: one conditional update that matches only the
   * stored hash before its expiry and clears it, so of any number of people
   * racing with the same link exactly one gets the space. Null otherwise.
   */
  redeemOwnerSetup(slug: string, tokenHash: string, now = new Date()): Promise<SpaceDoc | null> {
    return this.models.Space.findOneAndUpdate(
      { slug, "ownerSetup.tokenHash": tokenHash, "ownerSetup.expiresAt": { $gt: now } },
      { $set: { ownerSetup: null } },
      { returnDocument: "after" },
    )
      .lean<SpaceDoc>()
      .exec();
  }

  /** Puts a redeemed link back (it won, but the owner's membership could not be written), unless a newer one replaced it. */
  async restoreOwnerSetup(id: Types.ObjectId, setup: OwnerSetup): Promise<void> {
    await this.models.Space.updateOne({ _id: id, ownerSetup: null }, { $set: { ownerSetup: setup } }).exec();
  }

  /**
   * Takes the space's owners lease for `holder` until `until`, if nobody holds
   * it or its holder's time ran out: one conditional update, so two processes
   * cannot both take it. "missing" when there is no such space.
   */
  async takeOwnersLease(slug: string, holder: string, until: Date, now = new Date()): Promise<"taken" | "busy" | "missing"> {
    const result = await this.models.Space.updateOne(
      { slug, $or: [{ ownersLease: null }, { "ownersLease.until": { $lte: now } }] },
      { $set: { ownersLease: { holder, until } } },
    ).exec();
    if (result.modifiedCount > 0) return "taken";
    return (await this.models.Space.exists({ slug }).exec()) ? "busy" : "missing";
  }

  /** Gives the lease back, unless it lapsed and someone else holds it now. */
  async releaseOwnersLease(slug: string, holder: string): Promise<void> {
    await this.models.Space.updateOne({ slug, "ownersLease.holder": holder }, { $set: { ownersLease: null } }).exec();
  }

  async remove(id: Types.ObjectId): Promise<void> {
    await this.models.Space.deleteOne({ _id: id }).exec();
  }

  /** Applies a partial settings change (schema bounds enforced); null when no such space. */
  updateSettings(slug: string, patch: Partial<SpaceSettings>): Promise<SpaceDoc | null> {
    const set = Object.fromEntries(Object.entries(patch).map(([key, value]) => [`settings.${key}`, value]));
    return this.models.Space.findOneAndUpdate({ slug }, { $set: set }, { returnDocument: "after", runValidators: true })
      .lean<SpaceDoc>()
      .exec();
  }

  setActiveMap(slug: string, mapId: Types.ObjectId, version: number): Promise<SpaceDoc | null> {
    return this.models.Space.findOneAndUpdate(
      { slug },
      { $set: { activeMap: mapId, activeMapVersion: version } },
      { returnDocument: "after" },
    )
      .lean<SpaceDoc>()
      .exec();
  }
}
