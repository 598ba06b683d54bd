/**
 * `npm start`: the whole system on embedded defaults (SQLite under .data/,
 * services on loopback). Waits until everything is healthy, prints where to
 * go, and stops every app on Ctrl-C.
 */
import { ConfigError } from '@finstack/config';
import { startEmbeddedSystem } from './embedded-system';

async function main(): Promise<void> {
  const system = await startEmbeddedSystem();
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping finstack…');
    await system.stop();
    process.exit(code);
  };
  for (const app of system.apps) {
    app.onExit = (code, signal) => {
      if (stopping) return; // Ctrl-C reaches the apps too, and they may exit first
      console.error(`\n${app.spec.app} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping the rest`);
      void shutdown(1);
    };
  }
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  console.log(`
finstack is running
  open     ${system.apiUrl}/   (the web console)
  API      ${system.apiUrl}/api/v1
  docs     ${system.apiUrl}/docs   (OpenAPI JSON: ${system.apiUrl}/docs-json)
  health   ${system.apiUrl}/health/ready
  pushes   ${system.notificationsUrl}/socket.io   (npm run listen -- --email … --password …)

  try:     curl -s -X POST ${system.apiUrl}/api/v1/auth/register   (the link arrives below as [mail]) \\
             -H 'content-type: application/json' \\
             -d '{"email":"me@example.com","password":"a long passphrase"}'
  demo:    npm run seed   (then log in as demo@finstack.local / demo-password-123)

Press Ctrl-C to stop.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
