import { defaultApiShape, emptyDesign, newEntity, newField, newRelation } from '@/lib/design/factories';
import type { Design } from '@/lib/design/schema';

/**
 * Many-to-many relations shown as lists of values (`Resource.valueLists`): posts carry their tags' names
 * (writable: tags are found by name or created; UUID keys and timestamps on the tags, a pattern and a length on the
 * name; `?tag=` filters by one) and, read only, the names of their categories through a Placement entity with a
 * field of its own. People follow people (a self-relation): `follows` is written by handle, `followers` read
 * from the other side. PATCH and PUT both, so both update variants are generated.
 */
export function valueLists(): Design {
  const tag = newEntity('e_vl_tag', 'Tag', {
    primaryKey: 'uuid',
    fields: [
      newField('f_vl_tag_name', 'name', 'string', {
        unique: true,
        constraints: { minLength: 1, maxLength: 20, pattern: '^[a-z0-9-]+$' },
      }),
      newField('f_vl_tag_note', 'note', 'string', { nullable: true, constraints: { maxLength: 40 } }),
    ],
  });
  tag.resource.lookupFieldId = 'f_vl_tag_name';
  const post = newEntity('e_vl_post', 'Post', {
    fields: [newField('f_vl_post_title', 'title', 'string', { constraints: { maxLength: 120 } })],
  });
  post.resource.valueLists = [
    { relationId: 'r_vl_post_tags', fieldId: 'f_vl_tag_name', apiName: 'tag_list', writable: true },
    { relationId: 'r_vl_post_categories', fieldId: 'f_vl_category_name', writable: false },
  ];
  post.resource.operations.list.filters = [
    { relationId: 'r_vl_post_tags', fieldId: 'f_vl_tag_name', param: 'tag' },
  ];
  const category = newEntity('e_vl_category', 'Category', {
    timestamps: false,
    fields: [
      newField('f_vl_category_name', 'name', 'string', { unique: true, constraints: { maxLength: 40 } }),
    ],
  });
  const placement = newEntity('e_vl_placement', 'Placement', {
    timestamps: false,
    fields: [newField('f_vl_placement_rank', 'rank', 'integer', { default: { kind: 'literal', value: 0 } })],
  });
  const person = newEntity('e_vl_person', 'Person', {
    timestamps: false,
    fields: [
      newField('f_vl_person_handle', 'handle', 'string', {
        unique: true,
        constraints: { minLength: 2, maxLength: 30 },
      }),
    ],
  });
  person.resource.valueLists = [
    { relationId: 'r_vl_follows', side: 'field', fieldId: 'f_vl_person_handle', writable: true },
    { relationId: 'r_vl_follows', side: 'backref', fieldId: 'f_vl_person_handle', writable: false },
  ];
  const relations = [
    newRelation('r_vl_post_tags', 'e_vl_post', 'e_vl_tag', {
      kind: 'many-to-many',
      fieldName: 'tags',
      backrefName: 'posts',
    }),
    newRelation('r_vl_placement_post', 'e_vl_placement', 'e_vl_post', {
      fieldName: 'post',
      backrefName: 'placements',
      onDelete: 'cascade',
    }),
    newRelation('r_vl_placement_category', 'e_vl_placement', 'e_vl_category', {
      fieldName: 'category',
      backrefName: 'placements',
      onDelete: 'cascade',
    }),
    newRelation('r_vl_post_categories', 'e_vl_post', 'e_vl_category', {
      kind: 'many-to-many',
      fieldName: 'categories',
      backrefName: 'posts',
      throughEntityId: 'e_vl_placement',
    }),
    newRelation('r_vl_follows', 'e_vl_person', 'e_vl_person', {
      kind: 'many-to-many',
      fieldName: 'follows',
      backrefName: 'followers',
    }),
  ];
  return {
    ...emptyDesign('Tagged posts'),
    entities: [tag, post, category, placement, person],
    relations,
    api: { ...defaultApiShape(), update: 'both' },
  };
}

export const valuesDesigns: Record<string, () => Design> = { 'value-lists': valueLists };
