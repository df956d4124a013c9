import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { dispatch, failureMessage, message, requestSchema, senderFor, type Handlers } from '../../../lib/messages/message-map';

const MAP = {
  echo: message<{ said: string }>()(requestSchema('echo', { text: v.pipe(v.string(), v.maxLength(5)) })),
  boom: message<object>()(requestSchema('boom', {})),
};
const handlers: Handlers<typeof MAP, string> = {
  echo: async (request, who) => ({ ok: true, said: `${who}: ${request.text}` }),
  boom: async () => {
    throw new Error('disk on fire');
  },
};

describe('message maps', () => {
  it('dispatches a valid request with the router\'s context', async () => {
    expect(await dispatch(MAP, handlers, { type: 'echo', text: 'hi' }, 'tab 3')).toEqual({ ok: true, said: 'tab 3: hi' });
  });

  it('answers unknown types, inherited property names, bad fields and extra fields with a Result error', async () => {
    expect(await dispatch(MAP, handlers, { type: 'toString' }, '')).toEqual({ ok: false, error: 'Unknown request.' });
    expect(await dispatch(MAP, handlers, { type: 'echo', text: 'far too long' }, '')).toMatchObject({ ok: false, error: expect.stringContaining('Malformed echo request (text)') as unknown });
    expect(await dispatch(MAP, handlers, { type: 'echo', text: 'hi', sneaky: true }, '')).toMatchObject({ ok: false });
  });

  it('a handler that throws fails only that request, in words a reader can act on', async () => {
    expect(await dispatch(MAP, handlers, { type: 'boom' }, '')).toEqual({ ok: false, error: 'Pledge Lens could not do that: disk on fire.' });
    const quota = Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    expect(failureMessage(quota)).toMatch(/no room left/);
  });

  it('a sender turns an undeliverable message into a Result error', async () => {
    const send = senderFor<typeof MAP>(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    expect(await send({ type: 'echo', text: 'hi' })).toEqual({ ok: false, error: 'Pledge Lens could not do that: Could not establish connection. Receiving end does not exist.' });
  });

  it('a sender passes a well-formed failure on and drops a malformed one, keeping the English error', async () => {
    const failure = { code: 'pack-not-json', json: { kind: 'at', line: 2, column: 5 } };
    const answering = (answer: unknown) => senderFor<typeof MAP>(() => Promise.resolve(answer));
    expect(await answering({ ok: false, error: 'Not JSON.', failure })({ type: 'echo', text: 'hi' })).toEqual({ ok: false, error: 'Not JSON.', failure });
    for (const bad of [{ ...failure, extra: true }, { code: 'pack-not-json', json: { kind: 'at', line: -2, column: 5 } }, 'pack-not-json']) {
      expect(await answering({ ok: false, error: 'Not JSON.', failure: bad })({ type: 'echo', text: 'hi' })).toEqual({ ok: false, error: 'Not JSON.' });
    }
  });
});
