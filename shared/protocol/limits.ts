/**
 * Limits both sides need: the server enforces them in its validators, the
 * browser uses them for form hints. Kept free of zod so the client bundle can import them.
 */

/** Longest display name, in characters. */
export const DISPLAY_NAME_MAX = 32;

/** Largest payload the room accepts for any message, in bytes of its JSON form. */
export const MAX_MESSAGE_BYTES = 2048;
