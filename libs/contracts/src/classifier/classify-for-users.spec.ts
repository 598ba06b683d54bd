import 'reflect-metadata';
import { validate } from 'class-validator';
import { ClassifyForUsersMessage, MAX_CLASSIFY_USERS } from './messages';

const request = { userId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', items: [{ description: 'Coffee', amount: '-1.00', currency: 'EUR' }] };

async function refusal(requests: unknown): Promise<string | undefined> {
  const errors = await validate(Object.assign(new ClassifyForUsersMessage(), { requests }), { whitelist: true, forbidNonWhitelisted: true });
  return errors.flatMap((error) => Object.values(error.constraints ?? {})).join('; ') || undefined;
}

describe('a classify-for-users message', () => {
  it(`takes 1 to ${MAX_CLASSIFY_USERS} requests, and refuses none, one more, and a value that is no list`, async () => {
    expect(await refusal([request])).toBeUndefined();
    expect(await refusal(Array.from({ length: MAX_CLASSIFY_USERS }, () => request))).toBeUndefined();
    expect(await refusal(Array.from({ length: MAX_CLASSIFY_USERS + 1 }, () => request))).toContain(`must contain no more than ${MAX_CLASSIFY_USERS} elements`);
    expect(await refusal([])).toContain('must contain at least 1 elements');
    expect(await refusal({ 0: request })).toContain('must be an array');
  });
});
