import type { AttemptLimiter } from "../../auth/AttemptLimiter";
import type { Repositories } from "../../db/repositories";
import type { TiledWithModel } from "../../db/seed";
import type { OfficeChange } from "../../rooms/tellOffice";

/** Everything the API routes need, built once by createPersistence (or a test). */
export interface ApiContext {
  repos: Repositories;
  sessionSecret: string;
  sessionTtlSeconds: number;
  cookieSecure: boolean;
  allowSignup: boolean;
  maxMapBytes: number;
  /** Largest whole map upload (map, tilesets and images: multipart or .zip), in bytes. */
  maxMapBundleBytes?: number;
  /** The server's own art, for previews of maps that draw with it. */
  assetsDir?: string;
  /** Base of links the API hands out (invites); the request's origin when unset. */
  publicUrl?: string;
  /** The shipped map new spaces start with. */
  defaultMap: () => Promise<TiledWithModel>;
  log: (message: string, err?: unknown) => void;
  /** Failed sign-ins per client address and email. */
  signinLimiter: AttemptLimiter;
  /**
   * Tells a space's open office that its settings or active map changed
   * (absent where no rooms run). Never rejects: what was saved stands, and an
   * office that cannot be told now reads the change when it next opens.
   */
  officeChanged?: (space: string, change: OfficeChange) => Promise<void>;
}
