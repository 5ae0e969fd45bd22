/** Mirrors DISPLAY_NAME_MAX in shared/protocol/messages.ts, which the browser must not import (zod). */
export const DISPLAY_NAME_MAX_LENGTH = 32;
