/**
 * How a message map is written: each entry holds its request schema and its response type together,
 * so a request and what it can get back are read (and changed) in one place. Every answer is a
 * `Result`: a receiver that refuses, cannot parse or fails says so in the same shape.
 */
import * as v from 'valibot';
import { readerFailure, type ReaderFailure } from './reader-failure';

/**
 * What every request gets back: its response, or a sentence a reader can act on. `error` is English
 * (logs, and any page that does not word failures itself); `failure`, when the background knows what
 * went wrong, is the same as a code with details, which a page words in the reader's language.
 */
export type Result<T> = ({ ok: true } & T) | { ok: false; error: string; failure?: ReaderFailure };

/** One entry of a message map: the request's schema, and (as a type only) its response. */
export interface MessageSpec<S extends v.GenericSchema, R> {
  readonly request: S;
  /** Phantom: never set at run time; it carries the response type beside the schema. */
  readonly response?: R;
}

/** `message<Response>()(requestSchema)`: the response type is named first so the schema's type is inferred. */
export function message<R>() {
  return <S extends v.GenericSchema>(request: S): MessageSpec<S, R> => ({ request });
}

/** Builds a request schema: the `type` literal plus the request's own fields. */
export function requestSchema<T extends string, E extends v.ObjectEntries>(type: T, entries: E) {
  return v.strictObject({ type: v.literal(type), ...entries });
}

export type MessageMap = Record<string, MessageSpec<v.GenericSchema, unknown>>;
export type RequestType<M extends MessageMap> = keyof M & string;
export type RequestOf<M extends MessageMap, K extends RequestType<M>> = v.InferOutput<M[K]['request']>;
export type ResponseOf<M extends MessageMap, K extends RequestType<M>> = NonNullable<M[K]['response']>;
export type AnyRequestOf<M extends MessageMap> = { [K in RequestType<M>]: RequestOf<M, K> }[RequestType<M>];

/** A typed sender for one direction: every call site gets the response type of its request. */
export type Sender<M extends MessageMap> = <R extends AnyRequestOf<M> & { type: RequestType<M> }>(request: R) => Promise<Result<ResponseOf<M, R['type']>>>;

/** Handlers for every request of a map; `C` is what the router knows about the sender (tab, frame). */
export type Handlers<M extends MessageMap, C> = {
  [K in RequestType<M>]: (request: RequestOf<M, K>, context: C) => Promise<Result<ResponseOf<M, K>>>;
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * Validates an untrusted message against a map.
 * @returns the typed request, or a Result error naming what is wrong (never throws).
 */
export function parseRequest<M extends MessageMap>(map: M, raw: unknown): { request: AnyRequestOf<M> } | { ok: false; error: string } {
  const type = isRecord(raw) ? raw['type'] : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(map, type)) return { ok: false, error: 'Unknown request.' };
  const result = v.safeParse(map[type]!.request, raw);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue?.path?.map((item) => String(item.key)).join('.') ?? '';
    return { ok: false, error: `Malformed ${type} request${path ? ` (${path})` : ''}: ${issue?.message ?? 'invalid'}.` };
  }
  return { request: result.output as AnyRequestOf<M> };
}

/**
 * Answers one untrusted message with a map's handlers: parse, dispatch, and turn a thrown error into
 * a Result error, so one failing request (a full disk, a bug) fails alone and the receiver keeps working.
 */
export async function dispatch<M extends MessageMap, C>(map: M, handlers: Handlers<M, C>, raw: unknown, context: C): Promise<Result<unknown>> {
  const parsed = parseRequest(map, raw);
  if (!('request' in parsed)) return parsed;
  const request = parsed.request as { type: RequestType<M> };
  const handler = handlers[request.type] as (request: unknown, context: C) => Promise<Result<unknown>>;
  try {
    return await handler(request, context);
  } catch (error) {
    return { ok: false, error: failureMessage(error) };
  }
}

/** A thrown error as a reader-facing sentence; quota errors get words a reader understands. */
export function failureMessage(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') return 'The browser has no room left for Pledge Lens data. Delete old history in the options page, then try again.';
  const text = (error instanceof Error ? error.message : String(error)).replace(/[.\s]+$/, '');
  return `Pledge Lens could not do that: ${text || 'unknown error'}.`;
}

/** An answer whose `failure` does not pass its schema loses it: the page then shows the English `error`. */
function withValidFailure(answer: unknown): unknown {
  if (!isRecord(answer) || !('failure' in answer)) return answer;
  const { failure, ...rest } = answer;
  const valid = readerFailure(failure);
  return valid ? { ...rest, failure: valid } : rest;
}

/**
 * A typed sender over the browser's untyped one (`runtime.sendMessage`). A message that cannot be
 * delivered (no receiver, the background restarting) resolves to a Result error instead of throwing.
 */
export function senderFor<M extends MessageMap>(send: (message: unknown) => Promise<unknown>): Sender<M> {
  return async (request) => {
    try {
      const answer = await send(request);
      return withValidFailure(answer ?? { ok: false, error: 'No answer from Pledge Lens.' }) as Result<never>;
    } catch (error) {
      return { ok: false, error: failureMessage(error) };
    }
  };
}
