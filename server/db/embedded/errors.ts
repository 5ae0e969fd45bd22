/**
 * MongoDB-style command errors. Drivers and mongoose branch on `code` and `codeName`,
 * so every refusal carries the same pair a real mongod would send.
 */
export const ErrorCodes = {
  InternalError: 1,
  BadValue: 2,
  FailedToParse: 9,
  TypeMismatch: 14,
  PathNotViable: 28,
  ConflictingUpdateOperators: 40,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  CursorNotFound: 43,
  NamespaceExists: 48,
  CommandNotFound: 59,
  ImmutableField: 66,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  CommandNotSupported: 115,
  InvalidBSON: 22,
  BSONObjectTooLarge: 10334,
  Location40324: 40324,
  Location31254: 31254,
  Location31253: 31253,
  DuplicateKey: 11000,
  ProtocolError: 17,
  DataCorruptionDetected: 12,
  OutOfDiskSpace: 14031,
  WriteConflict: 112,
} as const;

export type ErrorCodeName = keyof typeof ErrorCodes;

export class MongoCommandError extends Error {
  readonly code: number;
  readonly codeName: string;
  /** Extra fields copied into the reply (keyPattern/keyValue for duplicate keys). */
  readonly extra: Record<string, unknown>;

  constructor(codeName: ErrorCodeName, message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.code = ErrorCodes[codeName];
    this.codeName = codeName;
    this.extra = extra;
  }

  toReply(): Record<string, unknown> {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.extra };
  }

  /** The shape used inside `writeErrors` arrays. */
  toWriteError(index: number): Record<string, unknown> {
    return { index, code: this.code, codeName: this.codeName, errmsg: this.message, ...this.extra };
  }
}

/** The one way the store says it lacks a feature: code 115 and a sentence naming the feature. */
export function refused(feature: string): MongoCommandError {
  return new MongoCommandError("CommandNotSupported", `${feature} is not supported by the embedded store`);
}

/** Turns anything thrown while running a command into a MongoDB error reply. */
export function toErrorReply(err: unknown): Record<string, unknown> {
  if (err instanceof MongoCommandError) return err.toReply();
  const message = err instanceof Error ? err.message : String(err);
  // mingo throws plain Errors for bad operators/expressions: a user error, not a crash.
  return { ok: 0, errmsg: message, code: ErrorCodes.BadValue, codeName: "BadValue" };
}

export function asCommandError(err: unknown): MongoCommandError {
  if (err instanceof MongoCommandError) return err;
  return new MongoCommandError("BadValue", err instanceof Error ? err.message : String(err));
}
