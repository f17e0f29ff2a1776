import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { applyOperations, type Design, type Operation, templates } from '@/lib/design';
import { ProblemsProvider } from '../problems/problems-context';
import { EditorStoreProvider } from '../store/editor-context';
import { EndpointInspector } from './endpoint-inspector';
import { EntityInspector } from './entity-inspector';
import { FieldInspector } from './field-inspector';

function render(design: Design, node: (design: Design) => ReactNode): string {
  return renderToStaticMarkup(
    <EditorStoreProvider design={design} version={1}>
      <ProblemsProvider>{node(design)}</ProblemsProvider>
    </EditorStoreProvider>,
  );
}

const blog = (operations: Operation[]) => applyOperations(templates.blog(), operations);
const at = (design: Design, id: string) => {
  const index = design.entities.findIndex((e) => e.id === id);
  const entity = design.entities[index];
  if (!entity) throw new Error(`no ${id}`);
  return { entity, index };
};
/** The markup of the `<select>` labelled `label` (the label's `for` names it). */
function select(html: string, label: string): string {
  const id = new RegExp(`<label class="control-label" for="([^"]+)">${label}</label>`).exec(html)?.[1];
  if (!id) throw new Error(`no control labelled ${label}`);
  const start = html.indexOf(`id="${id}"`);
  return html.slice(start, html.indexOf('</select>', start));
}
const selected = (html: string, label: string) =>
  /<option value="[^"]*" selected="">([^<]*)</.exec(select(html, label))?.[1];

describe('behaviour sections of the inspector', () => {
  it('edits a computed field over one side of a self-relation', () => {
    const design = blog([
      {
        op: 'updateEntity',
        entityId: 'e_user',
        patch: {
          computed: [
            {
              id: 'c1',
              name: 'followers_count',
              kind: 'count',
              relationId: 'r_user_follows',
              side: 'backref',
            },
          ],
        },
      },
    ]);
    const html = render(design, (d) => <EntityInspector {...at(d, 'e_user')} />);
    expect(html).toContain('aria-label="Computed field followers_count"');
    expect(selected(html, 'Kind')).toBe('Count of related rows');
    expect(selected(html, 'Over relation')).toBe('followers (User)');
    expect(html).toContain('aria-label="Unique together"');
  });

  it("lists the resource's actions and viewer lists with the entity's endpoints", () => {
    const design = blog([
      {
        op: 'updateResource',
        entityId: 'e_user',
        patch: {
          actions: [
            {
              id: 'a1',
              kind: 'link',
              name: 'follow',
              relationId: 'r_user_follows',
              side: 'backref',
              target: 'viewer',
              access: { kind: 'authenticated' },
            },
          ],
        },
      },
    ]);
    const html = render(design, (d) => <EntityInspector {...at(d, 'e_user')} />);
    expect(html).toContain('POST/DELETE</span> /users/{username}/follow');
  });

  it('shows a derived slug with its source field', () => {
    const design = blog([
      {
        op: 'updateField',
        fieldId: 'f_post_slug',
        patch: { derive: { kind: 'slug', fromFieldId: 'f_post_title', onUpdate: false } },
      },
    ]);
    const { entity, index } = at(design, 'e_post');
    const field = entity.fields.find((f) => f.id === 'f_post_slug');
    if (!field) throw new Error('no slug');
    const path = `entities[${index}].fields[${entity.fields.indexOf(field)}]`;
    const html = render(design, () => <FieldInspector entity={entity} field={field} path={path} />);
    expect(selected(html, 'Derived from')).toBe('Slug of another field');
    expect(selected(html, 'Source field')).toBe('title');
    expect(html).toContain('Recompute on update');
  });

  it('edits value lists and the view each embedded relation uses', () => {
    const design = blog([
      {
        op: 'updateEntity',
        entityId: 'e_user',
        patch: { views: [{ id: 'v_profile', name: 'Profile', fieldIds: ['f_user_username'] }] },
      },
      {
        op: 'updateResource',
        entityId: 'e_post',
        patch: {
          valueLists: [
            { relationId: 'r_post_tags', fieldId: 'f_tag_name', apiName: 'tagList', writable: true },
          ],
          embedViews: [{ relationId: 'r_post_author', viewId: 'v_profile' }],
        },
      },
    ]);
    const html = render(design, (d) => <EndpointInspector {...at(d, 'e_post')} operation="get" />);
    expect(html).toContain('tagList: [name, …]');
    expect(selected(html, 'Values of')).toBe('name');
    expect(selected(html, 'View of author')).toBe('UserProfile');
    // Only relations that are embedded pick a view.
    expect(html).not.toContain('View of tags');
  });

  it('looks a profile up by its user’s username', () => {
    const design = blog([
      { op: 'addEntity', id: 'e_profile', name: 'Profile', position: { x: 0, y: 0 } },
      {
        op: 'connect',
        id: 'r_profile_user',
        fromEntityId: 'e_profile',
        toEntityId: 'e_user',
        kind: 'one-to-one',
        fieldName: 'user',
        backrefName: 'profile',
      },
      {
        op: 'updateResource',
        entityId: 'e_profile',
        patch: { lookupRelationId: 'r_profile_user', lookupFieldId: 'f_user_username' },
      },
    ]);
    const html = render(design, (d) => <EndpointInspector {...at(d, 'e_profile')} operation="get" />);
    expect(selected(html, 'Look up through')).toBe('user (User)');
    expect(selected(html, 'Look up items by')).toBe('username');
    expect(html).toContain('GET /profiles/{username}');
  });
});
