/**
 * How a message type is declared: who may send it, the schema its request must pass, and (as a
 * phantom type) what it answers. Each area of Stroom declares its messages in its own file in
 * this folder; index.ts joins them into the one contract.
 */
import type { Schema } from '../validate';

/** Content scripts in web pages, or Stroom's own extension pages (popup, options, digest). */
export type Sender = 'content' | 'page';

export interface Definition<Request, Response> {
  from: readonly Sender[];
  request: Schema<Request>;
  /** Phantom: carries the response type for callers. */
  response?: Response;
}

export const define = <Request, Response>(from: readonly Sender[], request: Schema<Request>): Definition<Request, Response> => ({
  from,
  request,
});

/** A stored key "site:id". */
export const KEY_LIMITS = { min: 3, max: 1_100 } as const;
