import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { z } from "zod";
import { HttpError } from "./HttpError";

export interface IssueDetail {
  path: string;
  message: string;
}

export function describeIssues(error: z.ZodError): IssueDetail[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
}

/** Parses `value` or throws a 400 naming every problem. */
export function parseOr400<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new HttpError(400, `invalid ${what}`, describeIssues(result.error));
  return result.data;
}

interface Schemas<P extends z.ZodType, B extends z.ZodType, Q extends z.ZodType> {
  params?: P;
  body?: B;
  query?: Q;
}

export interface Validated<P, B, Q> {
  params: P;
  body: B;
  query: Q;
}

/**
 * Wraps a route handler so it receives its params, body and query already
 * validated (and typed) by zod; anything invalid is answered with 400
 * `{ error, details: [{ path, message }] }` before the handler runs.
 */
export function validated<P extends z.ZodType = z.ZodUnknown, B extends z.ZodType = z.ZodUnknown, Q extends z.ZodType = z.ZodUnknown>(
  schemas: Schemas<P, B, Q>,
  handler: (input: Validated<z.output<P>, z.output<B>, z.output<Q>>, req: Request, res: Response) => Promise<unknown> | unknown,
): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const input = {
        params: schemas.params ? parseOr400(schemas.params, req.params, "path") : req.params,
        body: schemas.body ? parseOr400(schemas.body, req.body, "request body") : req.body,
        query: schemas.query ? parseOr400(schemas.query, req.query, "query") : req.query,
      } as Validated<z.output<P>, z.output<B>, z.output<Q>>;
      await handler(input, req, res);
    } catch (err) {
      next(err);
    }
  };
}
