import type { IrProject } from '../ir/types';
import { emitActionHelpers } from './actions';
import { emitAuthRoutes, emitAuthSchemas } from './auth';
import { emitComputedModule } from './computed';
import { emitConflicts, hasCompositeUniques, withCompositeConflicts } from './conflicts';
import { emitConfig, emitEnums } from './core';
import { emitCustomRoutes, emitCustomSchemas } from './custom';
import { emitApiRouter, emitDeps, emitMain } from './deps';
import { emitDerived } from './derived';
import { emitErrorSchemas } from './errors';
import { coreErrorsSource, coreMiddlewareSource } from './errors-format';
import { emitInitialMigration } from './migration';
import { emitAssociations, emitModel, emitModelsInit } from './models';
import {
  emitAlembicIni,
  emitDevRequirements,
  emitDockerfile,
  emitDockerignore,
  emitEnvExample,
  emitGitignore,
  emitPyproject,
  emitReadme,
  emitRequirements,
} from './project-files';
import { emitResourceRoutes, hasMeRouter, hasRoutes } from './routes';
import { emitEntitySchemas, emitResponses } from './schemas';
import { emitScoping } from './scope';
import { source as alembicEnv } from './static/alembic_env.py';
import { source as alembicScript } from './static/alembic_script.py.mako';
import { source as coreDb } from './static/core_db.py';
import { source as coreLogging } from './static/core_logging.py';
import { source as coreSecurity } from './static/core_security.py';
import { source as schemasCommon } from './static/schemas_common.py';
import { emitTests } from './tests/index';
import { NO_USER_CODE, type UserCodeInfo } from './user-code';
import { emitValueListHelper } from './value-lists';

const PACKAGE_DOC = (what: string) => `"""${what}"""\n`;

const USER_PACKAGE_DOCS: Record<string, string> = {
  'app/handlers': 'Your handlers of the custom endpoints (called by app/api/routes/custom.py).',
  'app/hooks': 'Your hooks on the generated endpoints (called by app/api/routes).',
  'tests/custom': 'Your tests: they run with the generated suite.',
};

/**
 * Every generator-owned file of the FastAPI project, unformatted (see `formatPython`), keyed by path. `user`:
 * what the user's files change (the hooks called, the 501 tests left out, the packages they live in).
 */
export function emitFastApiProject(ir: IrProject, user: UserCodeInfo = NO_USER_CODE): Record<string, string> {
  const files: Record<string, string> = {};
  const put = (path: string, content: string | null) => {
    if (content !== null) files[path] = content;
  };
  put('app/__init__.py', PACKAGE_DOC(`${'The application package.'}`));
  put('app/main.py', emitMain(ir));
  put('app/enums.py', emitEnums(ir));
  put('app/core/__init__.py', PACKAGE_DOC('Settings, database, security, logging and errors.'));
  put('app/core/config.py', emitConfig(ir));
  put('app/core/db.py', coreDb);
  const errors = coreErrorsSource(ir.errorFormat);
  // FastAPI's format names the fields in `commit_or_409` (app/api/deps.py) instead.
  put(
    'app/core/errors.py',
    hasCompositeUniques(ir) && ir.errorFormat !== 'fastapi' ? withCompositeConflicts(errors) : errors,
  );
  put('app/core/conflicts.py', emitConflicts(ir));
  put('app/core/logging.py', coreLogging);
  put('app/core/middleware.py', coreMiddlewareSource(ir.errorFormat));
  if (ir.auth) put('app/core/security.py', coreSecurity);
  put('app/models/__init__.py', emitModelsInit(ir));
  put('app/models/associations.py', emitAssociations(ir));
  put('app/models/computed.py', emitComputedModule(ir));
  put('app/schemas/__init__.py', PACKAGE_DOC('Request and response schemas.'));
  put('app/schemas/common.py', schemasCommon);
  put('app/schemas/responses.py', emitResponses(ir));
  put('app/schemas/auth.py', emitAuthSchemas(ir));
  put('app/schemas/errors.py', emitErrorSchemas(ir.errorFormat));
  put('app/schemas/custom.py', emitCustomSchemas(ir));
  for (const entity of ir.entities) {
    put(`app/models/${entity.module}.py`, emitModel(entity, ir));
    put(`app/schemas/${entity.module}.py`, emitEntitySchemas(entity, ir));
  }
  put('app/api/__init__.py', PACKAGE_DOC('HTTP layer: dependencies and routers.'));
  put('app/api/deps.py', emitDeps(ir));
  put('app/api/scoping.py', emitScoping(ir));
  put('app/api/value_lists.py', emitValueListHelper(ir));
  put('app/api/derived.py', emitDerived(ir));
  put('app/api/actions.py', emitActionHelpers(ir));
  put('app/api/routes/__init__.py', PACKAGE_DOC('One router per resource.'));
  const routeModules: string[] = [];
  const custom = emitCustomRoutes(ir);
  if (custom) {
    put('app/api/routes/custom.py', custom);
    routeModules.push('custom');
  }
  const authRoutes = emitAuthRoutes(ir);
  if (authRoutes) {
    put('app/api/routes/auth.py', authRoutes);
    routeModules.push('auth');
  }
  const meRouters = new Set<string>();
  for (const entity of ir.entities) {
    if (!hasRoutes(entity)) continue;
    put(`app/api/routes/${entity.resource.module}.py`, emitResourceRoutes(entity, ir, user));
    routeModules.push(entity.resource.module);
    if (hasMeRouter(entity)) meRouters.add(entity.resource.module);
  }
  put('app/api/main.py', emitApiRouter(routeModules, meRouters));
  put('alembic.ini', emitAlembicIni());
  put('alembic/env.py', alembicEnv);
  put('alembic/script.py.mako', alembicScript);
  put('alembic/versions/0001_initial.py', emitInitialMigration(ir));
  put('pyproject.toml', emitPyproject(ir));
  put('requirements.txt', emitRequirements());
  put('requirements-dev.txt', emitDevRequirements());
  put('Dockerfile', emitDockerfile());
  put('.env.example', emitEnvExample(ir));
  put('.gitignore', emitGitignore());
  put('.dockerignore', emitDockerignore());
  put('README.md', emitReadme(ir));
  Object.assign(files, emitTests(ir, user));
  for (const root of user.packages) put(`${root}/__init__.py`, PACKAGE_DOC(USER_PACKAGE_DOCS[root] ?? ''));
  return files;
}
