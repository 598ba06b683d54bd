-- One schema per app (README "Configuration", DATABASE_URL), for the finstack
-- user that the database image creates from MYSQL_USER. Runs on the first start
-- of an empty data volume; the apps' migrations create the tables.
CREATE DATABASE IF NOT EXISTS `identity` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS `ledger` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS `classifier` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS `portfolio` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE DATABASE IF NOT EXISTS `var` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
GRANT ALL PRIVILEGES ON `identity`.* TO 'finstack'@'%';
GRANT ALL PRIVILEGES ON `ledger`.* TO 'finstack'@'%';
GRANT ALL PRIVILEGES ON `classifier`.* TO 'finstack'@'%';
GRANT ALL PRIVILEGES ON `portfolio`.* TO 'finstack'@'%';
GRANT ALL PRIVILEGES ON `var`.* TO 'finstack'@'%';
