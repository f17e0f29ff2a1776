import { emptyDesign } from '../factories';
import type { Design } from '../schema';
import { blogTemplate } from './blog';
import { conduitTemplate } from './conduit';
import { shopTemplate } from './shop';
import { socialTemplate } from './social';
import { todoTemplate } from './todo';

export type TemplateName = 'blank' | 'blog' | 'todo' | 'shop' | 'conduit' | 'social';
export const TEMPLATE_NAMES: readonly TemplateName[] = ['blank', 'blog', 'todo', 'shop', 'conduit', 'social'];

/** Starting points for a new workspace. Each call returns a fresh document with deterministic ids. */
export const templates: Record<TemplateName, () => Design> = {
  blank: () => emptyDesign('Untitled'),
  blog: blogTemplate,
  todo: todoTemplate,
  shop: shopTemplate,
  conduit: conduitTemplate,
  social: socialTemplate,
};
