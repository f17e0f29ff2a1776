import type { Design } from '@/lib/design/schema';
import { type TemplateName, templates } from '@/lib/design/templates';
import { focusedDesigns } from '../testing/designs';

/** Every design with golden files: the non-empty templates and the focused ones. */
export const GOLDEN_DESIGNS: Record<string, () => Design> = {
  blog: templates.blog,
  todo: templates.todo,
  shop: templates.shop,
  conduit: templates.conduit,
  social: templates.social,
  ...focusedDesigns,
};

export const TEMPLATE_NAMES: TemplateName[] = ['blog', 'todo', 'shop'];
