/**
 * A scripted design history for tests: every schema change kind the revision planner handles, one committed
 * version per edit (plus a pending edit of the working design), built with the pure design operations.
 */
import { emptyDesign } from '@/lib/design/factories';
import { applyOperations, type Operation } from '@/lib/design/operations';
import type { Design, FieldType } from '@/lib/design/schema';
import type { DesignVersion } from './index';

const at = { x: 0, y: 0 };

/** The version that adds the samples (text values of every kind) and the topics (int keys). */
export const SAMPLES = 'Samples and topics';

/** Sample fields: [id, name, type, nullable, type in the next version]: every family of type conversions. */
export const SAMPLE_FIELDS: [string, string, FieldType, boolean, FieldType][] = [
  ['f_qty', 'qty', 'string', true, 'integer'],
  ['f_price', 'price', 'text', false, 'decimal'],
  ['f_ok', 'ok', 'string', true, 'boolean'],
  ['f_day', 'day', 'string', true, 'date'],
  ['f_at', 'at', 'string', true, 'datetime'],
  ['f_ref', 'ref', 'string', true, 'uuid'],
  ['f_meta', 'meta', 'text', true, 'json'],
  ['f_hits', 'hits', 'integer', true, 'boolean'],
  ['f_ratio', 'ratio', 'float', true, 'integer'],
  ['f_data', 'data', 'json', true, 'string'],
  ['f_born', 'born', 'datetime', true, 'date'],
];

/** [commit message, operations]; the first entry is the initial version. */
export const HISTORY_SCRIPT: [string, Operation[]][] = [
  [
    'Initial: authors and posts',
    [
      { op: 'addEntity', id: 'e_author', name: 'Author', position: at },
      {
        op: 'addField',
        entityId: 'e_author',
        field: { id: 'f_name', name: 'name', type: 'string', constraints: { maxLength: 100 } },
      },
      { op: 'addField', entityId: 'e_author', field: { id: 'f_email', name: 'email', type: 'email' } },
      { op: 'addEntity', id: 'e_post', name: 'Post', position: at },
      {
        op: 'addField',
        entityId: 'e_post',
        field: { id: 'f_title', name: 'title', type: 'string', constraints: { maxLength: 100 } },
      },
      {
        op: 'addField',
        entityId: 'e_post',
        field: { id: 'f_body', name: 'body', type: 'text', nullable: true },
      },
      {
        op: 'connect',
        id: 'r_author',
        fromEntityId: 'e_post',
        toEntityId: 'e_author',
        kind: 'many-to-one',
        fieldName: 'author',
        backrefName: 'posts',
        nullable: false,
        onDelete: 'cascade',
      },
    ],
  ],
  [
    'Add a required rating',
    [{ op: 'addField', entityId: 'e_post', field: { id: 'f_rating', name: 'rating', type: 'integer' } }],
  ],
  ['Rename title to headline', [{ op: 'renameField', fieldId: 'f_title', name: 'headline' }]],
  ['Rename Post to Article', [{ op: 'renameEntity', entityId: 'e_post', name: 'Article' }]],
  [
    'Longer headlines',
    [{ op: 'updateField', fieldId: 'f_title', patch: { constraints: { maxLength: 200 } } }],
  ],
  ['Body is required', [{ op: 'updateField', fieldId: 'f_body', patch: { nullable: false } }]],
  ['Index headlines', [{ op: 'updateField', fieldId: 'f_title', patch: { indexed: true } }]],
  ['Unique author names', [{ op: 'updateField', fieldId: 'f_name', patch: { unique: true } }]],
  [
    'Tags',
    [
      { op: 'addEntity', id: 'e_tag', name: 'Tag', position: at },
      { op: 'addField', entityId: 'e_tag', field: { id: 'f_label', name: 'label', type: 'string' } },
      {
        op: 'connect',
        id: 'r_tags',
        fromEntityId: 'e_post',
        toEntityId: 'e_tag',
        kind: 'many-to-many',
        fieldName: 'tags',
        backrefName: 'articles',
      },
    ],
  ],
  ['Rename Author to Writer', [{ op: 'renameEntity', entityId: 'e_author', name: 'Writer' }]],
  [
    'Keep articles of removed writers',
    [{ op: 'updateRelation', relationId: 'r_author', patch: { nullable: true, onDelete: 'set-null' } }],
  ],
  ['Big ratings', [{ op: 'updateField', fieldId: 'f_rating', patch: { type: 'bigint' } }]],
  ['No timestamps on tags', [{ op: 'updateEntity', entityId: 'e_tag', patch: { timestamps: false } }]],
  ['Drop the body', [{ op: 'deleteField', fieldId: 'f_body' }]],
  [
    'Author relation is now writer',
    [{ op: 'updateRelation', relationId: 'r_author', patch: { fieldName: 'writer' } }],
  ],
  ['Describe emails', [{ op: 'updateField', fieldId: 'f_email', patch: { description: 'Where we write' } }]],
  [
    'Status enum for articles and writers',
    [
      { op: 'addEnum', id: 'n_status', name: 'Status', values: ['draft', 'live'] },
      {
        op: 'addField',
        entityId: 'e_post',
        field: { id: 'f_status', name: 'status', type: 'enum', enumId: 'n_status', nullable: true },
      },
      {
        op: 'addField',
        entityId: 'e_author',
        field: {
          id: 'f_wstatus',
          name: 'status',
          type: 'enum',
          enumId: 'n_status',
          default: { kind: 'literal', value: 'live' },
        },
      },
    ],
  ],
  [
    'Longer status values',
    [
      {
        op: 'updateEnumValues',
        enumId: 'n_status',
        values: ['draft', 'in_review', 'live', 'withdrawn_by_editor'],
      },
    ],
  ],
  [
    'Retire the draft status',
    [{ op: 'updateEnumValues', enumId: 'n_status', values: ['in_review', 'live', 'withdrawn_by_editor'] }],
  ],
  ['Status is a publication status', [{ op: 'renameEnum', enumId: 'n_status', name: 'PublicationStatus' }]],
  ['Label not unique', [{ op: 'renameField', fieldId: 'f_label', name: 'caption' }]],
  ['Drop tags', [{ op: 'deleteEntity', entityId: 'e_tag' }]],
  ['Status is free text again', [{ op: 'deleteEnum', enumId: 'n_status' }]],
  [
    'Published at',
    [
      {
        op: 'addField',
        entityId: 'e_post',
        field: { id: 'f_pub', name: 'published_at', type: 'datetime', nullable: true },
      },
    ],
  ],
  [
    'Status is an enum again',
    [
      { op: 'addEnum', id: 'n_stage', name: 'Stage', values: ['in_review', 'live', 'done'] },
      { op: 'updateField', fieldId: 'f_status', patch: { type: 'enum', enumId: 'n_stage' } },
      { op: 'updateField', fieldId: 'f_wstatus', patch: { type: 'enum', enumId: 'n_stage' } },
    ],
  ],
  [
    'Rename the writers table',
    [{ op: 'updateEntity', entityId: 'e_author', patch: { tableName: 'people' } }],
  ],
  [
    SAMPLES,
    [
      { op: 'addEntity', id: 'e_sample', name: 'Sample', position: at },
      ...SAMPLE_FIELDS.map(
        ([id, name, type, nullable]): Operation => ({
          op: 'addField',
          entityId: 'e_sample',
          field: { id, name, type, nullable },
        }),
      ),
      { op: 'addEntity', id: 'e_topic', name: 'Topic', position: at },
      { op: 'addField', entityId: 'e_topic', field: { id: 'f_topic', name: 'title', type: 'string' } },
      {
        op: 'connect',
        id: 'r_topic',
        fromEntityId: 'e_post',
        toEntityId: 'e_topic',
        kind: 'many-to-one',
        fieldName: 'topic',
        backrefName: 'articles',
        nullable: true,
        onDelete: 'set-null',
      },
    ],
  ],
  [
    'Typed samples',
    SAMPLE_FIELDS.map(
      ([id, , , , type]): Operation => ({
        op: 'updateField',
        fieldId: id,
        patch: type === 'decimal' ? { type, precision: 10, scale: 2 } : { type },
      }),
    ),
  ],
  ['Topics get UUID keys', [{ op: 'updateEntity', entityId: 'e_topic', patch: { primaryKey: 'uuid' } }]],
  [
    // The rows already there need distinct values before the unique constraints exist.
    'Unique required codes and numbers',
    [
      {
        op: 'addField',
        entityId: 'e_post',
        field: { id: 'f_code', name: 'code', type: 'string', unique: true, constraints: { maxLength: 20 } },
      },
      {
        op: 'addField',
        entityId: 'e_author',
        field: { id: 'f_badge', name: 'badge', type: 'integer', unique: true, indexed: true },
      },
      {
        op: 'addField',
        entityId: 'e_topic',
        field: { id: 'f_slug', name: 'slug', type: 'text', unique: true },
      },
    ],
  ],
  // Composite unique constraints (`Entity.uniques`): added, changed, their column renamed, removed.
  [
    'One headline per writer',
    [
      {
        op: 'updateEntity',
        entityId: 'e_post',
        patch: { uniques: [{ id: 'u_headline', members: ['r_author', 'f_title'] }] },
      },
    ],
  ],
  [
    'One headline per writer and topic, codes unique per writer',
    [
      {
        op: 'updateEntity',
        entityId: 'e_post',
        patch: {
          uniques: [
            { id: 'u_headline', members: ['r_author', 'f_title', 'r_topic'] },
            { id: 'u_code', members: ['r_author', 'f_code'] },
          ],
        },
      },
    ],
  ],
  [
    'Codes are article codes, headlines repeat',
    [
      { op: 'renameField', fieldId: 'f_code', name: 'article_code' },
      {
        op: 'updateEntity',
        entityId: 'e_post',
        patch: { uniques: [{ id: 'u_code', members: ['r_author', 'f_code'] }] },
      },
    ],
  ],
];

/** Pending (uncommitted) edits of the working design. */
export const PENDING: Operation[] = [
  { op: 'updateField', fieldId: 'f_pub', patch: { default: { kind: 'now' } } },
  { op: 'addField', entityId: 'e_author', field: { id: 'f_active', name: 'active', type: 'boolean' } },
];

/** The committed versions of the script and the working design. */
export function scriptedHistory(): { versions: DesignVersion[]; working: Design } {
  let design = emptyDesign('History');
  const versions: DesignVersion[] = HISTORY_SCRIPT.map(([message, ops], i) => {
    design = applyOperations(design, ops);
    return {
      id: `v${i + 1}`,
      message,
      createdAt: new Date(Date.UTC(2025, 0, 1 + i)).toISOString(),
      design,
    };
  });
  return { versions, working: applyOperations(design, PENDING) };
}
