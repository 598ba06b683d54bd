#!/bin/sh
# MariaDB standing in for mysql:8.0 with the same contract as that image: on an
# empty data directory it sets MYSQL_ROOT_PASSWORD, creates MYSQL_USER with
# MYSQL_PASSWORD (and MYSQL_DATABASE if set) and runs the *.sql files of
# /docker-entrypoint-initdb.d; then it serves on 3306 on every interface.
set -eu

DATADIR=/var/lib/mysql
SOCKET=/run/mysqld/mysqld.sock
mkdir -p /run/mysqld "$DATADIR"
chown mysql:mysql /run/mysqld "$DATADIR"

if [ ! -d "$DATADIR/mysql" ]; then
  echo "initialising $DATADIR"
  mariadb-install-db --user=mysql --datadir="$DATADIR" --skip-test-db >/dev/null
  # No networking while initialising: a healthcheck over TCP stays unhealthy until the real start.
  mariadbd --user=mysql --datadir="$DATADIR" --skip-networking --socket="$SOCKET" &
  pid=$!
  for _ in $(seq 1 60); do
    mariadb-admin --socket="$SOCKET" ping >/dev/null 2>&1 && break
    sleep 1
  done
  {
    echo "ALTER USER 'root'@'localhost' IDENTIFIED BY '${MYSQL_ROOT_PASSWORD}';"
    echo "CREATE USER '${MYSQL_USER}'@'%' IDENTIFIED BY '${MYSQL_PASSWORD}';"
    if [ -n "${MYSQL_DATABASE:-}" ]; then
      echo "CREATE DATABASE \`${MYSQL_DATABASE}\`;"
      echo "GRANT ALL ON \`${MYSQL_DATABASE}\`.* TO '${MYSQL_USER}'@'%';"
    fi
    for file in /docker-entrypoint-initdb.d/*.sql; do
      [ -f "$file" ] && cat "$file"
    done
  } | mariadb --socket="$SOCKET" -uroot
  mariadb-admin --socket="$SOCKET" -uroot -p"${MYSQL_ROOT_PASSWORD}" shutdown
  wait "$pid" || true
fi

exec mariadbd --user=mysql --datadir="$DATADIR" --socket="$SOCKET" --bind-address=0.0.0.0 --port=3306
