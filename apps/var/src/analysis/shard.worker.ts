/** Worker-thread entry: runs a shard job and streams one message per signal. */
import { parentPort } from 'node:worker_threads';
import { runShardSignal, ShardJob } from './shard';

const port = parentPort;
if (port) {
  port.on('message', (job: ShardJob) => {
    for (const signal of job.signals) {
      const values = runShardSignal(job, signal);
      // transfer, not copy: the buffer is not used here again
      port.postMessage({ signal, values }, [values.buffer as ArrayBuffer]);
    }
    port.postMessage({ done: true });
  });
}
