// The S3 server's stand-in in the proof: the project's own S3-compatible server
// (libs/object-store, as built into the app image) with its files in the
// s3-data volume. That server binds loopback only, so the other containers
// reach it through a plain TCP relay on :9000, the S3 service's port.
const { connect, createServer } = require('node:net');
const { LocalS3Server } = require('/app/dist/libs/object-store/src');

const INNER_PORT = 9002;

async function main() {
  await new LocalS3Server({ root: '/data', port: INNER_PORT }).start();
  createServer((client) => {
    const upstream = connect(INNER_PORT, '127.0.0.1');
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  }).listen(9000, '0.0.0.0', () => console.log('S3-compatible server on :9000, files under /data'));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
