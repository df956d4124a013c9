import type { BackgroundRequestType, ContentRequest, ContentRequestType, ContentResponses, RequestOf, ResponseOf } from './protocol';

/** The one function that crosses contexts, so every call site gets the response type of its request. */
export type SendMessage = (message: unknown) => Promise<unknown>;

export function createBackgroundClient(send: SendMessage) {
  return <K extends BackgroundRequestType>(request: RequestOf<K>): Promise<ResponseOf<K>> => send(request) as Promise<ResponseOf<K>>;
}

export function createTabClient(send: (tabId: number, message: unknown) => Promise<unknown>) {
  return <K extends ContentRequestType>(tabId: number, request: Extract<ContentRequest, { type: K }>): Promise<ContentResponses[K]> =>
    send(tabId, request) as Promise<ContentResponses[K]>;
}
