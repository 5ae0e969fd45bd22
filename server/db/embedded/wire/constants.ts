/** Wire protocol numbers from the MongoDB wire protocol specification. */
export const OpCode = {
  REPLY: 1,
  QUERY: 2004,
  COMPRESSED: 2012,
  MSG: 2013,
} as const;

export const HEADER_SIZE = 16;
/** The limits advertised in `hello`; incoming messages above them are refused. */
export const MAX_BSON_OBJECT_SIZE = 16 * 1024 * 1024;
export const MAX_MESSAGE_SIZE = 48_000_000;
/**
 * mongod allows 100,000 operations per write command; drivers split bigger batches by what
 * `hello` says. 1,000 keeps one command's message small enough to decode in one short step
 * (the whole message is deserialised before the command's write slices start, issue 14).
 */
export const MAX_WRITE_BATCH_SIZE = 1_000;
/** Nesting beyond this is refused before deserialising (bson recurses; mongod caps at 100-ish too). */
export const MAX_BSON_DEPTH = 100;

export const MsgFlags = {
  checksumPresent: 1 << 0,
  moreToCome: 1 << 1,
  exhaustAllowed: 1 << 16,
} as const;

export const WIRE_VERSION = { min: 0, max: 21 } as const;
