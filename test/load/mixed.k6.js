// k6 run -e BASE_URL=http://localhost:3000 -e INGEST_KEY=... -e OPERATOR_EMAIL=... -e OPERATOR_PASSWORD=... test/load/mixed.k6.js
// The mixed profile (same as `npm run load:mixed`): 1 → 20 iterations/s over 15 s, then 20/s
// for 45 s; each iteration one request of 20 users in turn: reads 45 %, writes 25 %, quotes 20 %,
// CSV imports 5 %, VaR analyses 5 %. The operator (one of OPERATOR_EMAILS) uploads AAPL first.
import http from 'k6/http';
import { check, fail } from 'k6';

const BASE = `${__ENV.BASE_URL || 'http://localhost:3000'}/api/v1`;
const USERS = 20;
const JSON_HEADERS = { 'Content-Type': 'application/json' };
const MIX = ['read', 'write', 'read', 'quote', 'read', 'write', 'read', 'quote', 'read', 'import', 'read', 'write', 'read', 'quote', 'read', 'write', 'read', 'quote', 'write', 'var'];
const AAPL_CSV = open('../../data/prices/AAPL.csv');

export const options = {
  scenarios: {
    mixed: {
      executor: 'ramping-arrival-rate',
      startRate: 1,
      timeUnit: '1s',
      preAllocatedVUs: 40,
      maxVUs: 200,
      stages: [
        { target: 20, duration: '15s' },
        { target: 20, duration: '45s' },
      ],
    },
  },
  thresholds: {
    http_req_failed: ['rate<0.01'],
    'http_req_duration{name:list transactions}': ['p(95)<200'],
    'http_req_duration{name:create transaction}': ['p(95)<200'],
    'http_req_duration{name:post quote}': ['p(95)<200'],
    'http_req_duration{name:import CSV}': ['p(95)<1000'],
    'http_req_duration{name:VaR analysis}': ['p(95)<2000'],
    checks: ['rate>0.99'],
  },
};

function login(email, password) {
  const credentials = JSON.stringify({ email, password });
  http.post(`${BASE}/auth/register`, credentials, { headers: JSON_HEADERS }); // 409 when it exists
  const response = http.post(`${BASE}/auth/login`, credentials, { headers: JSON_HEADERS });
  if (response.status !== 200) fail(`login of ${email} failed: ${response.status}`);
  return response.json('accessToken');
}

export function setup() {
  const operator = login(__ENV.OPERATOR_EMAIL || 'load.operator@example.com', __ENV.OPERATOR_PASSWORD || 'correct horse battery staple');
  const upload = http.put(`${BASE}/market/prices/AAPL`, AAPL_CSV, { headers: { 'Content-Type': 'text/csv', Authorization: `Bearer ${operator}` } });
  if (upload.status !== 200) fail(`price upload failed: ${upload.status}`);
  const run = Date.now();
  const tokens = [];
  for (let i = 0; i < USERS; i++) tokens.push(login(`k6-mixed-${run}-${i}@example.com`, 'correct horse battery staple'));
  return { tokens };
}

export default function (data) {
  const index = __ITER + __VU * 100000;
  const headers = { ...JSON_HEADERS, Authorization: `Bearer ${data.tokens[index % USERS]}` };
  const day = `2025-${String(1 + (index % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`;
  switch (MIX[index % MIX.length]) {
    case 'read':
      check(http.get(`${BASE}/transactions?limit=50`, { headers, tags: { name: 'list transactions' } }), { listed: (r) => r.status === 200 });
      break;
    case 'write': {
      const body = JSON.stringify({ occurredOn: day, amount: `-${1 + (index % 90)}.25`, currency: 'EUR', description: `Load test purchase ${index}` });
      check(http.post(`${BASE}/transactions`, body, { headers, tags: { name: 'create transaction' } }), { created: (r) => r.status === 201 });
      break;
    }
    case 'quote': {
      const quote = JSON.stringify({ ticker: 'AAPL', price: (180 + (index % 40) / 4).toFixed(2), at: new Date().toISOString() });
      check(http.post(`${BASE}/quotes`, quote, { headers: { ...JSON_HEADERS, 'X-Api-Key': __ENV.INGEST_KEY }, tags: { name: 'post quote' } }), { 'quote taken': (r) => r.status === 200 });
      break;
    }
    case 'import': {
      const rows = [];
      for (let row = 0; row < 10; row++) rows.push(`${day},-${row + 1}.50,Imported ${index}-${row}`);
      const csv = `date,amount,description\n${rows.join('\n')}\n`;
      const url = `${BASE}/imports?dateColumn=date&amountColumn=amount&descriptionColumn=description&currency=EUR`;
      check(http.post(url, csv, { headers: { Authorization: headers.Authorization, 'Content-Type': 'text/csv' }, tags: { name: 'import CSV' } }), { imported: (r) => r.status === 200 });
      break;
    }
    case 'var': {
      const body = JSON.stringify({ ticker: 'AAPL', strategy: { type: 'sma-crossover', A: 20, V: 101 }, samples: 1000, shards: 1, seed: index });
      check(http.post(`${BASE}/var/analyses`, body, { headers, tags: { name: 'VaR analysis' } }), { analysed: (r) => r.status === 201 });
      break;
    }
  }
}
