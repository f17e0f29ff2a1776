import { describe, expect, it } from 'vitest';
import { ImportError } from '../types';
import { importSql } from './index';
import { entityOf, entryOf, fieldOf, imported, relationOf } from './test-helpers';

describe('importSql (MySQL/MariaDB)', () => {
  it('maps a mysqldump table: AUTO_INCREMENT key, inline ENUM, COMMENTs, KEY, UNIQUE KEY, FOREIGN KEY', async () => {
    const result = await imported(
      `/*!40101 SET NAMES utf8mb4 */;
CREATE TABLE \`teams\` (\`id\` int NOT NULL AUTO_INCREMENT, \`name\` varchar(50) NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB;
CREATE TABLE \`users\` (
  \`id\` int unsigned NOT NULL AUTO_INCREMENT,
  \`email\` varchar(100) NOT NULL COMMENT 'where we write',
  \`status\` enum('active','banned') NOT NULL DEFAULT 'active',
  \`team_id\` int DEFAULT NULL,
  \`nick\` varchar(30) DEFAULT NULL,
  \`active\` tinyint(1) NOT NULL DEFAULT 1,
  \`balance\` decimal(8,2) NOT NULL DEFAULT '0.00',
  \`seen_at\` datetime DEFAULT CURRENT_TIMESTAMP,
  PRIMARY KEY (\`id\`),
  UNIQUE KEY \`uq_email\` (\`email\`),
  KEY \`ix_nick\` (\`nick\`),
  CONSTRAINT \`fk_team\` FOREIGN KEY (\`team_id\`) REFERENCES \`teams\` (\`id\`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='people';
INSERT INTO \`teams\` VALUES (1,'a');`,
      'mysql',
    );
    const user = entityOf(result, 'User');
    expect(user.description).toBe('people');
    expect(fieldOf(user, 'email')).toMatchObject({ unique: true, description: 'where we write' });
    const status = fieldOf(user, 'status');
    expect(status.type).toBe('enum');
    expect(result.design.enums.find((e) => e.id === status.enumId)?.values).toEqual(['active', 'banned']);
    expect(status.default).toEqual({ kind: 'literal', value: 'active' });
    expect(fieldOf(user, 'nick').indexed).toBe(true);
    expect(fieldOf(user, 'active')).toMatchObject({
      type: 'boolean',
      default: { kind: 'literal', value: true },
    });
    expect(fieldOf(user, 'balance')).toMatchObject({
      type: 'decimal',
      precision: 8,
      scale: 2,
      default: { value: 0 },
    });
    expect(fieldOf(user, 'seen_at')).toMatchObject({ type: 'datetime', default: { kind: 'now' } });
    expect(relationOf(result, 'team')).toMatchObject({
      nullable: true,
      onDelete: 'set-null',
      toEntityId: 'e.teams',
    });
    expect(entryOf(result, 'column users.email')).toMatchObject({
      status: 'imported',
      at: { line: 5, column: 3 },
    });
    expect(entryOf(result, 'statement insert')).toMatchObject({
      status: 'skipped',
      at: { line: 17, column: 1 },
    });
  });

  it('reads ALTER TABLE ... ADD CONSTRAINT and skips DELIMITER trigger blocks', async () => {
    const result = await imported(
      `CREATE TABLE a (id INT NOT NULL, CONSTRAINT pk PRIMARY KEY (id));
CREATE TABLE b (id INT NOT NULL PRIMARY KEY, a_id INT NOT NULL);
ALTER TABLE b ADD CONSTRAINT fk_b_a FOREIGN KEY (a_id) REFERENCES a (id) ON DELETE CASCADE;
DELIMITER ;;
CREATE TRIGGER t BEFORE INSERT ON b FOR EACH ROW BEGIN SET NEW.a_id = 1; END;;
DELIMITER ;`,
      'mysql',
    );
    expect(relationOf(result, 'a')).toMatchObject({ fromEntityId: 'e.b', onDelete: 'cascade' });
    expect(entryOf(result, 'statement CREATE TRIGGER T')).toMatchObject({
      status: 'skipped',
      at: { line: 5, column: 1 },
    });
  });

  it('reports a syntax error at its line and column', async () => {
    const error = await importSql(
      'CREATE TABLE a (id int);\n\nCREATE TABLE b (x int,, y int);',
      'mysql',
    ).catch((e) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect(error.at).toEqual({ line: 3, column: 23 });
  });
});
