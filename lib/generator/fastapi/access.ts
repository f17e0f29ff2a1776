import type { IrAccess } from '../ir/types';
import type { Imports } from '../python/imports';
import { pyStr } from '../python/literal';

/** The `current_user` parameter an access rule needs, or null for public operations. */
export function userParam(access: IrAccess, imports: Imports, userClass: () => string): string | null {
  switch (access.kind) {
    case 'public':
      return null;
    case 'authenticated':
    case 'owner':
      return `current_user: ${imports.from('app.api.deps', 'CurrentUser')}`;
    case 'roles': {
      const annotated = imports.from('typing', 'Annotated');
      const depends = imports.from('fastapi', 'Depends');
      const roles = access.roles.map(pyStr).join(', ');
      return `current_user: ${annotated}[${userClass()}, ${depends}(${imports.from('app.api.deps', 'require_roles')}(${roles}))]`;
    }
  }
}
