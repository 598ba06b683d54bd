#!/usr/bin/env bash
# Proof that docker-compose.yml gives a working finstack, on a machine that
# reaches no container registry (only Debian's packages and npm's):
#   1. Docker's engine from Debian (docker.io, docker-compose), started here if it is not running;
#   2. the base images built locally (build-base-images.sh: debootstrap + docker import);
#   3. every image built from docker/Dockerfile with no network, from the npm cache;
#   4. the stack up with the stand-ins of docker-compose.proof.yml, the seed job run;
#   5. a user registered, a transaction created and its Socket.IO push received, a VaR
#      analysis run (exercise-stack.js, through the two published ports only);
#   6. the image sizes, then everything torn down (containers, networks, volumes).
# Not part of `npm test`: it builds images for minutes. Run it as root:
#   bash test/compose/prove-stack.sh
# Traffic stays on this machine: the containers talk on the project's compose network, made
# internal by the override (only the gateway and notifications also join a second network,
# for their ports, published on 127.0.0.1), and image builds run with no network at all.
# Debian's dockerd (20.10) starts here with its defaults: overlay2 storage, iptables, a bridge;
# Debian's docker-compose is v1 (1.29), which reads the same file as `docker compose`.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
LOCK=/tmp/finstack-bench.lock
PROJECT=finstack-proof
step() { printf '\n== %s\n' "$*"; }

step "Docker engine"
missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
command -v docker-compose >/dev/null || missing+=(docker-compose)
command -v debootstrap >/dev/null || missing+=(debootstrap)
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]} from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! docker info >/dev/null 2>&1; then
  # No systemd here: dockerd runs in the background for as long as the machine does.
  echo "starting dockerd (log: /var/log/finstack-dockerd.log)"
  nohup dockerd >/var/log/finstack-dockerd.log 2>&1 &
  for _ in $(seq 1 30); do docker info >/dev/null 2>&1 && break; sleep 1; done
fi
docker version --format 'engine {{.Server.Version}}, client {{.Client.Version}}'
docker-compose version --short | sed 's/^/docker-compose /'

# The published ports: 3000 and 3001 unless something on this machine holds them already.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })"; }
port_free "${FINSTACK_API_PORT:-3000}" && FINSTACK_API_PORT=${FINSTACK_API_PORT:-3000} || FINSTACK_API_PORT=$(free_port)
port_free "${FINSTACK_NOTIFICATIONS_PORT:-3001}" && FINSTACK_NOTIFICATIONS_PORT=${FINSTACK_NOTIFICATIONS_PORT:-3001} || FINSTACK_NOTIFICATIONS_PORT=$(free_port)
export FINSTACK_API_PORT FINSTACK_NOTIFICATIONS_PORT
compose() { docker-compose -p "$PROJECT" -f docker-compose.yml -f test/compose/docker-compose.proof.yml "$@"; }

teardown() {
  step "tear down"
  compose --profile seed down --volumes --remove-orphans 2>&1 | tail -n 3
  echo "containers left in $PROJECT: $(docker ps -aq --filter "label=com.docker.compose.project=$PROJECT" | wc -l)"
}
on_exit() {
  local code=$?
  if [ "$code" -ne 0 ]; then
    step "FAILED (exit $code): the last lines of each container"
    compose --profile seed logs --no-color --tail 30 2>&1 || true
  fi
  teardown
  exit "$code"
}

step "base images (debootstrap + docker import)"
flock "$LOCK" bash test/compose/build-base-images.sh

step "app images from docker/Dockerfile (no network, npm cache only)"
started=$(date +%s)
flock "$LOCK" docker-compose -p "$PROJECT" -f docker-compose.yml -f test/compose/docker-compose.proof.yml \
  --profile seed build 2>&1 | grep -E '^(Building|Successfully tagged)|ERROR|error' || true
for image in gateway trx-crud classifier report portfolio var notifications bucket seed; do
  docker image inspect "finstack/$image:local" >/dev/null || { echo "finstack/$image:local was not built" >&2; exit 1; }
done
echo "built in $(($(date +%s) - started)) s"

trap on_exit EXIT
step "docker-compose up -d (API on 127.0.0.1:$FINSTACK_API_PORT, Socket.IO on 127.0.0.1:$FINSTACK_NOTIFICATIONS_PORT)"
started=$(date +%s)
compose up -d 2>&1 | grep -v '^$'
for _ in $(seq 1 120); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$FINSTACK_API_PORT/health/ready")" = 200 ] && break
  sleep 1
done
echo "GET /health/ready: $(curl -s "http://127.0.0.1:$FINSTACK_API_PORT/health/ready")"
echo "GET :$FINSTACK_NOTIFICATIONS_PORT/health: $(curl -s "http://127.0.0.1:$FINSTACK_NOTIFICATIONS_PORT/health")"
echo "ready $(($(date +%s) - started)) s after docker-compose up began"
compose ps

step "published ports (nothing but the API and Socket.IO) and networks"
docker ps --filter "label=com.docker.compose.project=$PROJECT" --format '{{.Names}}\t{{.Ports}}' | sort
for network in $(docker network ls -q --filter "label=com.docker.compose.project=$PROJECT"); do
  docker network inspect --format '{{.Name}} internal={{.Internal}}: {{range .Containers}}{{.Name}} {{end}}' "$network"
done

step "seed job: docker-compose run --rm seed"
compose run --rm seed 2>&1 | grep -v '^Creating\|^Starting\|^$' || { echo "the seed job failed" >&2; exit 1; }

step "a user's session against the stack"
API_URL="http://127.0.0.1:$FINSTACK_API_PORT" NOTIFICATIONS_URL="http://127.0.0.1:$FINSTACK_NOTIFICATIONS_PORT" \
  node test/compose/exercise-stack.js

step "images"
docker image ls --format 'table {{.Repository}}:{{.Tag}}\t{{.Size}}' | grep -E 'REPOSITORY|^finstack'
