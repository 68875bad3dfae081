import DataLoader from 'dataloader';

/**
 * A loader for reads that come in storms (a read at every socket's handshake): the first read starts at once, and
 * the reads that arrive while a batch runs wait for it and go together in the next one. Nothing is cached: a read
 * sees the database as it is when its batch runs.
 */
export function batchWhileBusy<Key, Value>(
  load: (keys: readonly Key[]) => Promise<Value[]>,
  maxBatchSize = 1000,
): DataLoader<Key, Value> {
  let running: Promise<unknown> = Promise.resolve();
  return new DataLoader<Key, Value>(
    (keys) => {
      const batch = load(keys);
      running = batch.catch(() => undefined);
      return batch;
    },
    { cache: false, maxBatchSize, batchScheduleFn: (dispatch) => void running.then(dispatch) },
  );
}
