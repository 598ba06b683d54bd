/** Worker-thread entry: rates passwords with zxcvbn, whose dictionaries live in this thread's heap. */
import { parentPort } from 'node:worker_threads';
import { PasswordRater } from './password-rater';

export interface RateRequest {
  id: number;
  password: string;
  userInputs: string[];
}

const port = parentPort;
if (port) {
  const rater = new PasswordRater();
  port.on('message', ({ id, password, userInputs }: RateRequest) => port.postMessage({ id, verdict: rater.rate(password, userInputs) }));
}
