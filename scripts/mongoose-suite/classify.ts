/**
 * Sorts the outcome of one mongoose test into the classes the issue asks for. The rule that
 * matters: a failure only counts as a documented refusal when the store answered code 115 and
 * named the feature; everything else that is not an assertion or a timeout is an error where
 * mongod would have succeeded.
 */
export type Outcome = "passed" | "pending" | "refused" | "wrongResult" | "errorWhereMongodSucceeds" | "timeout";

export const OUTCOMES: readonly Outcome[] = ["passed", "pending", "refused", "wrongResult", "errorWhereMongodSucceeds", "timeout"];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  passed: "passed",
  pending: "skipped by mongoose (pending)",
  refused: "failed on a documented refusal (code 115, feature named)",
  wrongResult: "wrong result (assertion failed)",
  errorWhereMongodSucceeds: "error where mongod succeeds",
  timeout: "timeout",
};

/** The error fields mocha's json reporter keeps (it copies the error's own properties). */
export interface MochaError {
  message?: string;
  stack?: string;
  code?: unknown;
  codeName?: unknown;
  name?: string;
  errorResponse?: { code?: unknown; errmsg?: string };
  cause?: MochaError;
}

const REFUSAL_SENTENCE = /not supported by the embedded store/;

function isRefusal(err: MochaError): boolean {
  const code = err.code ?? err.errorResponse?.code;
  const text = `${err.message ?? ""} ${err.errorResponse?.errmsg ?? ""}`;
  if (code === 115 && REFUSAL_SENTENCE.test(text)) return true;
  // mongoose sometimes wraps the server error (bulkWrite, populate): look one level down.
  return !!err.cause && isRefusal(err.cause);
}

export function classifyFailure(err: MochaError): Outcome {
  const text = `${err.message ?? ""}\n${err.stack ?? ""}`;
  if (err.code === "ERR_MOCHA_TIMEOUT" || /^Timeout of \d+ms exceeded/.test(err.message ?? "")) return "timeout";
  if (isRefusal(err)) return "refused";
  // A test that asserts on a server error's message: the message it got was our refusal.
  if (REFUSAL_SENTENCE.test(err.message ?? "")) return "refused";
  if (err.code === "ERR_ASSERTION" || err.name === "AssertionError" || /^AssertionError/.test(text.trimStart())) return "wrongResult";
  return "errorWhereMongodSucceeds";
}

/** A short one-line reason for the report. */
export function reasonOf(err: MochaError): string {
  const first = (err.message ?? String(err)).split("\n")[0];
  return first.length > 240 ? `${first.slice(0, 237)}...` : first;
}
