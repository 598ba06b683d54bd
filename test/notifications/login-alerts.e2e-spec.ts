import { AuthLoginPayload, DomainEvent, EVENT_TYPES } from '@finstack/contracts';
import { ApiClient, newSession, Session, Stack, startStack } from '@finstack/testing';
import { backend, connect, Listener, sleep } from './notifications-test-helpers';

/** A client other than the one a user is signed in on; the proxy in front names its address. */
interface Device {
  userAgent: string;
  ip: string;
}

const LAPTOP: Device = { userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0 e2e-laptop', ip: '198.51.100.23' };
const TABLET: Device = { userAgent: 'finstack-android/3.4 (Pixel Tablet) e2e-tablet', ip: '198.51.100.42' };
const STRANGER: Device = { userAgent: 'curl/8.5.0 e2e-guesser', ip: '203.0.113.99' };

describe(`notifications: a new sign-in is pushed to the account's owner (${backend})`, () => {
  let stack: Stack;
  let api: ApiClient;
  const listeners: Listener[] = [];

  beforeAll(async () => {
    // One proxy in front, as behind the ALB: the client IP is the one it appends to X-Forwarded-For.
    stack = await startStack({ backend, name: 'notif_login', gatewayEnv: { TRUST_PROXY_HOPS: '1' } });
    api = new ApiClient(stack.baseUrl);
  });
  afterAll(() => stack?.stop());
  afterEach(() => listeners.splice(0).forEach((listener) => listener.close()));

  const open = async (user: Session, options: { reconnect?: boolean } = {}) => {
    const listener = await connect(stack.notificationsUrl, user.accessToken, options);
    listeners.push(listener);
    return listener;
  };
  /** A request as the device sends it, through the proxy. */
  const sentFrom = (device: Device) => ({ headers: { 'user-agent': device.userAgent, 'x-forwarded-for': device.ip } });
  const signIn = (user: Session, device: Device, password = user.password) =>
    api.post<{ refreshToken: string }>('/api/v1/auth/login', { email: user.email, password }, sentFrom(device));
  /** A sign-in alert of this device (a listener may also see the alert of its own user's first log-in). */
  const fromDevice = (device: Device) => (event: DomainEvent) =>
    event.type === EVENT_TYPES.authLogin && (event.payload as AuthLoginPayload).userAgent === device.userAgent;
  const alertsFrom = (listener: Listener, device: Device) => listener.events.filter(fromDevice(device));

  it('tells a signed-in user of a sign-in from another client, with its IP and agent, and nobody else', async () => {
    const [ann, ben] = [await newSession(api, 'ann'), await newSession(api, 'ben')];
    const [annOnPhone, benOnPhone] = [await open(ann), await open(ben)];

    const laptop = await signIn(ann, LAPTOP);
    expect(laptop.status).toBe(200);
    const [alert] = await annOnPhone.waitFor(fromDevice(LAPTOP));
    expect(alert).toEqual({
      id: expect.any(String),
      type: EVENT_TYPES.authLogin,
      occurredAt: expect.any(String),
      userId: ann.userId,
      payload: {
        ip: LAPTOP.ip,
        userAgent: LAPTOP.userAgent,
        at: alert.occurredAt,
        message: `new sign-in from ${LAPTOP.ip}, ${LAPTOP.userAgent}`,
      },
    });

    // Neither a refresh of the laptop's session nor someone guessing the password is a new sign-in.
    expect((await api.post('/api/v1/auth/refresh', { refreshToken: laptop.body.refreshToken }, sentFrom(LAPTOP))).status).toBe(200);
    expect((await signIn(ann, STRANGER, 'not the password')).status).toBe(401);
    await sleep(500);
    expect(alertsFrom(annOnPhone, LAPTOP)).toHaveLength(1);
    expect(alertsFrom(annOnPhone, STRANGER)).toEqual([]);
    // Ben hears nothing of Ann's (at most his own first sign-in, if it was still on its way when he connected).
    expect(benOnPhone.events.filter((event) => event.userId !== ben.userId)).toEqual([]);
    expect(alertsFrom(benOnPhone, LAPTOP)).toEqual([]);
  });

  it('lets a user sign in while notifications is down, and tells them once it is back', async () => {
    const ann = await newSession(api, 'ann-outage');
    const annOnPhone = await open(ann, { reconnect: true });
    expect((await signIn(ann, LAPTOP)).status).toBe(200);
    await annOnPhone.waitFor(fromDevice(LAPTOP));

    await stack.notifications.stop();
    expect((await signIn(ann, TABLET)).status).toBe(200);
    await sleep(1000); // the gateway's relay fails and backs off meanwhile
    await stack.notifications.start();

    const [alert] = await annOnPhone.waitFor(fromDevice(TABLET), 1, 20_000);
    expect(alert.payload).toEqual(expect.objectContaining({ ip: TABLET.ip, message: `new sign-in from ${TABLET.ip}, ${TABLET.userAgent}` }));
    await sleep(500);
    expect(alertsFrom(annOnPhone, TABLET)).toHaveLength(1);
  });
});
