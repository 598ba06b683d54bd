import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ALL_EVENT_TYPES, SOCKET_REQUESTS, SOCKET_TOKEN_EXPIRED } from './pushes';

/** docs/asyncapi.yaml names exactly the pushes libs/contracts defines, and the two requests. */
describe('the committed AsyncAPI document', () => {
  const document = parse(readFileSync(join(__dirname, '..', '..', '..', 'docs', 'asyncapi.yaml'), 'utf8')) as {
    asyncapi: string;
    components: { messages: Record<string, { name: string }> };
    channels: Record<string, { messages: Record<string, { $ref: string }> }>;
  };
  const names = Object.values(document.components.messages).map((message) => message.name);

  it('is AsyncAPI 3', () => {
    expect(document.asyncapi).toMatch(/^3\./);
  });

  it('describes every event type, the token expiry notice and the join/leave requests, and nothing else', () => {
    const expected = [...ALL_EVENT_TYPES, SOCKET_TOKEN_EXPIRED, ...Object.values(SOCKET_REQUESTS), 'roomReply'];
    expect([...names].sort()).toEqual([...expected].sort());
  });

  it('puts every event on the user channel, where every socket receives it', () => {
    const onUserChannel = Object.values(document.channels.user.messages).map(
      (message) => document.components.messages[message.$ref.split('/').pop() as string].name,
    );
    expect([...onUserChannel].sort()).toEqual([...ALL_EVENT_TYPES, SOCKET_TOKEN_EXPIRED].sort());
  });
});
