import type { IrProject } from '../ir/types';
import { indent, module } from '../python/code';
import { Imports } from '../python/imports';
import { pyStr } from '../python/literal';

/** `app/core/config.py`: settings from the environment (and `.env`). */
export function emitConfig(project: IrProject): string {
  const imports = new Imports();
  const literal = imports.from('typing', 'Literal');
  const baseSettings = imports.from('pydantic_settings', 'BaseSettings');
  const config = imports.from('pydantic_settings', 'SettingsConfigDict');
  const lifetime = project.auth?.tokenLifetimeMinutes ?? 60;
  const body = [
    `model_config = ${config}(env_file=".env", env_ignore_empty=True, extra="ignore")`,
    '',
    `PROJECT_NAME: str = ${pyStr(project.name)}`,
    '# Production unless chosen otherwise: development relaxes SECRET_KEY.',
    `ENVIRONMENT: ${literal}["development", "test", "staging", "production"] = "production"`,
    'LOG_LEVEL: str = "INFO"',
    'DATABASE_URL: str = "sqlite+aiosqlite:///./app.db"',
    'DB_ECHO: bool = False',
    'DB_POOL_SIZE: int = 5',
    'DB_MAX_OVERFLOW: int = 10',
    'DB_POOL_TIMEOUT: float = 30.0',
    'DB_POOL_RECYCLE: int = 1800',
    '# A round trip per checkout; pool_recycle already retires old connections.',
    'DB_POOL_PRE_PING: bool = False',
    '# Browser origins allowed to call the API (bearer tokens: no credentials).',
    'CORS_ORIGINS: list[str] = []',
    '# Larger request bodies are refused with 413 before they are read.',
    'MAX_BODY_BYTES: int = 1_048_576',
    ...(project.auth
      ? [
          '# Signs the access tokens; required unless ENVIRONMENT is development or test.',
          'SECRET_KEY: str = ""',
          `ACCESS_TOKEN_EXPIRE_MINUTES: int = ${lifetime}`,
        ]
      : []),
  ];
  return module(
    imports.render(),
    [`class Settings(${baseSettings}):\n${indent(body.join('\n'))}`, 'settings = Settings()'],
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
