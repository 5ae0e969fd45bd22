/** Statuses, knocks, the focus timer, seating and desk ownership: the public API of shared/status. */
export * from "./statusKinds";
export * from "./focusTimer";
export * from "./effectiveStatus";
export * from "./KnockBook";
export * from "./seating";
export * from "./deskClaims";
export * from "./knockPin";
