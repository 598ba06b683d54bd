import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isMysql } from '../common/sql';

/** How long an import may wait for its next piece before it is rolled back and forgotten. */
export const IMPORT_IDLE_MS = 60_000;
/** Imports in progress at once in one process on MySQL: each holds a pooled connection (10 by default). */
export const MAX_MYSQL_IMPORTS = 4;
/** On SQLite an import holds the only connection's write queue: one at a time. */
export const MAX_SQLITE_IMPORTS = 1;
/** Imports of one user at once: a few slow uploads of one user must not take every slot. */
export const MAX_IMPORTS_PER_USER = 1;

/** The import limits of this process; tests may shorten them. */
@Injectable()
export class ImportLimits {
  idleMs = IMPORT_IDLE_MS;
  maxSessions: number;
  maxSessionsPerUser = MAX_IMPORTS_PER_USER;

  constructor(@InjectDataSource() dataSource: DataSource) {
    this.maxSessions = isMysql(dataSource) ? MAX_MYSQL_IMPORTS : MAX_SQLITE_IMPORTS;
  }
}
