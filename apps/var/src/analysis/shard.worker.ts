/** Worker-thread entry: runs a shard job and streams one message per signal. */
import { parentPort } from 'node:worker_threads';
import { KeptDraws, runShard, ShardJob } from './shard';

const port = parentPort;
const kept: KeptDraws = { values: new Float64Array(0), length: 0 };
if (port) {
  port.on('message', (job: ShardJob) => {
    for (const signal of job.signals) {
      const result = runShard(job, signal, kept);
      // Kept draws are transferred, not copied: the buffer is not used here again.
      port.postMessage(result, 'values' in result ? [result.values.buffer as ArrayBuffer] : []);
    }
    port.postMessage({ done: true });
  });
}
