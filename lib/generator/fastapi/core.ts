import type { IrProject } from '../ir/types';
import { indent, module } from '../python/code';
import { Imports } from '../python/imports';
import { pyStr } from '../python/literal';

/** `app/core/config.py`: settings from the environment (and `.env`). */
export function emitConfig(project: IrProject): string {
  const imports = new Imports();
  const literal = imports.from('typing', 'Literal');
  const self = imports.from('typing', 'Self');
  const validator = imports.from('pydantic', 'model_validator');
  const baseSettings = imports.from('pydantic_settings', 'BaseSettings');
  const config = imports.from('pydantic_settings', 'SettingsConfigDict');
  const lifetime = project.auth?.tokenLifetimeMinutes ?? 60;
  const body = [
    `model_config = ${config}(env_file=".env", env_ignore_empty=True, extra="ignore")`,
    '',
    `PROJECT_NAME: str = ${pyStr(project.name)}`,
    `ENVIRONMENT: ${literal}["development", "test", "staging", "production"] = "development"`,
    'LOG_LEVEL: str = "INFO"',
    'DATABASE_URL: str = "sqlite+aiosqlite:///./app.db"',
    'DB_ECHO: bool = False',
    'DB_POOL_SIZE: int = 5',
    'DB_MAX_OVERFLOW: int = 10',
    'DB_POOL_TIMEOUT: float = 30.0',
    'DB_POOL_RECYCLE: int = 1800',
    'CORS_ORIGINS: list[str] = []',
    'SECRET_KEY: str = DEFAULT_SECRET_KEY',
    `ACCESS_TOKEN_EXPIRE_MINUTES: int = ${lifetime}`,
    '',
    `@${validator}(mode="after")`,
    `def _require_secret_outside_development(self) -> ${self}:`,
    '    if self.ENVIRONMENT not in ("development", "test") and (',
    '        self.SECRET_KEY == DEFAULT_SECRET_KEY',
    '    ):',
    '        raise ValueError("Set SECRET_KEY: the default key is only for development")',
    '    return self',
  ];
  return module(
    imports.render(),
    [
      'DEFAULT_SECRET_KEY = "insecure-development-key-change-me"',
      `class Settings(${baseSettings}):\n${indent(body.join('\n'))}`,
      'settings = Settings()',
    ],
    '"""Application settings, read from environment variables and `.env`."""',
  );
}

/** `app/enums.py`: the design's enums as `StrEnum`s, shared by models and schemas. */
export function emitEnums(project: IrProject): string {
  const imports = new Imports(project.enums.map((e) => e.className));
  const enumModule = imports.module('enum');
  const blocks = [
    [
      `def enum_values(enum_class: type[${enumModule}.Enum]) -> list[str]:`,
      '    """Columns store the values (not the member names)."""',
      '    return [str(member.value) for member in enum_class]',
    ].join('\n'),
    ...project.enums.map((e) => {
      const members = e.members.map((m) => `${m.name} = ${pyStr(m.value)}`);
      return `class ${e.className}(${enumModule}.StrEnum):\n${indent(members.join('\n'))}`;
    }),
  ];
  return module(imports.render(), blocks, '"""Enumerations of the design."""');
}
