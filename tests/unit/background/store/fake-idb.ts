/**
 * Installs fake-indexeddb for Node tests. `idb` checks values with `instanceof IDBRequest`,
 * `IDBTransaction` and friends, so those constructors must be globals too, not only `indexedDB`.
 */
import {
  IDBCursor,
  IDBCursorWithValue,
  IDBDatabase,
  IDBFactory,
  IDBIndex,
  IDBKeyRange,
  IDBObjectStore,
  IDBOpenDBRequest,
  IDBRequest,
  IDBTransaction,
  IDBVersionChangeEvent,
} from 'fake-indexeddb';

export function installFakeIndexedDb(): void {
  Object.assign(globalThis, {
    IDBCursor,
    IDBCursorWithValue,
    IDBDatabase,
    IDBIndex,
    IDBKeyRange,
    IDBObjectStore,
    IDBOpenDBRequest,
    IDBRequest,
    IDBTransaction,
    IDBVersionChangeEvent,
  });
  // A fresh, empty IndexedDB: nothing leaks from one test to the next.
  globalThis.indexedDB = new IDBFactory();
}
