// k6 run -e BASE_URL=http://localhost:3000 test/load/portfolio.k6.js
// The portfolio stress profile (same as `npm run load:portfolio`): a ramping arrival rate of
// 1 → 10 → 30 → 1 iterations/s over 5 minutes; each iteration is one of 20 users (in turn)
// adding a holding, listing the wallet and deleting the holding.
import http from 'k6/http';
import { check, fail } from 'k6';

const BASE = `${__ENV.BASE_URL || 'http://localhost:3000'}/api/v1`;
const USERS = 20;
const TICKERS = ['AAPL', 'AMZN', 'MSFT', 'NVDA', 'TSLA'];
const JSON_HEADERS = { 'Content-Type': 'application/json' };

export const options = {
  scenarios: {
    portfolio: {
      executor: 'ramping-arrival-rate',
      startRate: 1,
      timeUnit: '1s',
      preAllocatedVUs: 20,
      maxVUs: 200,
      stages: [
        { target: 10, duration: '1m' },
        { target: 30, duration: '2m' },
        { target: 1, duration: '2m' },
      ],
    },
  },
  thresholds: {
    http_req_failed: ['rate<0.01'],
    http_req_duration: ['p(95)<200'],
    checks: ['rate>0.99'],
  },
};

export function setup() {
  const run = Date.now();
  const tokens = [];
  for (let i = 0; i < USERS; i++) {
    const credentials = JSON.stringify({ email: `k6-investor-${run}-${i}@example.com`, password: 'correct horse battery staple' });
    if (http.post(`${BASE}/auth/register`, credentials, { headers: JSON_HEADERS }).status !== 201) fail('register failed');
    const login = http.post(`${BASE}/auth/login`, credentials, { headers: JSON_HEADERS });
    tokens.push(login.json('accessToken'));
  }
  return { tokens };
}

export default function (data) {
  const iteration = __ITER + __VU * 100000;
  const user = iteration % USERS;
  const headers = { ...JSON_HEADERS, Authorization: `Bearer ${data.tokens[user]}` };
  const ticker = TICKERS[Math.floor(iteration / USERS) % TICKERS.length];
  const added = http.post(`${BASE}/portfolio/holdings`, JSON.stringify({ ticker, quantity: '1.5', averageCost: '100.00', allowUnknown: true }), { headers, tags: { name: 'add holding' } });
  check(added, { 'holding added': (r) => r.status === 201 });
  const listed = http.get(`${BASE}/portfolio/holdings`, { headers, tags: { name: 'list holdings' } });
  check(listed, { 'wallet listed': (r) => r.status === 200 });
  if (added.status === 201) {
    const deleted = http.del(`${BASE}/portfolio/holdings/${added.json('id')}`, null, { headers, tags: { name: 'delete holding' } });
    check(deleted, { 'holding deleted': (r) => r.status === 204 });
  }
}
