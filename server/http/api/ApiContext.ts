import type { ApiLimits } from "../../auth/apiLimits";
import type { ScryptParams } from "../../auth/password";
import type { Sessions } from "../../auth/Sessions";
import type { Repositories } from "../../db/repositories";
import type { TiledWithModel } from "../../db/seed";
import type { OfficeChange } from "../../rooms/tellOffice";

/** Everything the API routes need, built once by createPersistence (or a test). */
export interface ApiContext {
  repos: Repositories;
  /** Server-side sessions: started on sign-in, renewed while used, ended on sign-out. */
  sessions: Sessions;
  /** Signs the device cookie (server/auth/deviceCookie.ts) that binds bans to a browser; the session secret. */
  deviceSecret: string;
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
  /** scrypt parameters for new hashes; OWASP's (PASSWORD_PARAMS) unless a test asks for cheaper ones. */
  passwordParams?: ScryptParams;
  /** Sign-in, sign-up, guest and space-creation limits (429 with Retry-After). */
  limits: ApiLimits;
  /**
   * Tells a space's open office that its settings, active map or someone's role changed
   * (absent where no rooms run). Never rejects: what was saved stands, and an
   * office that cannot be told now reads the change when it next opens.
   */
  officeChanged?: (space: string, change: OfficeChange) => Promise<void>;
}
