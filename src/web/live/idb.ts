/**
 * A tiny key-value store over IndexedDB (one database, one object store), enough for the phone to
 * keep its token, the last snapshot and its unsent intents across reloads and offline periods.
 * Every call resolves, never rejects: storage that is unavailable (private mode) means the phone
 * works online only, which is no reason to fail.
 */
const DB = 'mosaic-live';
const STORE = 'kv';

let opening: Promise<IDBDatabase | null> | null = null;

function open(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    try {
      const req = indexedDB.open(DB, 1);
      req.onupgradeneeded = () => req.result.createObjectStore(STORE);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => resolve(null);
      req.onblocked = () => resolve(null);
    } catch {
      resolve(null);
    }
  });
  return opening;
}

function run<T>(
  mode: IDBTransactionMode,
  op: (s: IDBObjectStore) => IDBRequest,
): Promise<T | undefined> {
  return open().then(
    (db) =>
      new Promise<T | undefined>((resolve) => {
        if (!db) return resolve(undefined);
        try {
          const tx = db.transaction(STORE, mode);
          const req = op(tx.objectStore(STORE));
          tx.oncomplete = () => resolve(req.result as T);
          tx.onerror = () => resolve(undefined);
          tx.onabort = () => resolve(undefined);
        } catch {
          resolve(undefined);
        }
      }),
  );
}

export const idbGet = <T>(key: string) => run<T>('readonly', (s) => s.get(key));
export const idbSet = (key: string, value: unknown) =>
  run<IDBValidKey>('readwrite', (s) => s.put(value, key)).then(() => undefined);
export const idbDel = (key: string) =>
  run<undefined>('readwrite', (s) => s.delete(key)).then(() => undefined);
