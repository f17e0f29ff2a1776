import { describe, expect, it } from 'vitest';
import { derivedValues } from '../testing/derive-designs';
import { buildIr } from './build';
import { compositeUniqueName } from './uniques';

describe('composite unique constraints in the IR', () => {
  it('columns of fields and foreign keys, JSON names for the 409', () => {
    const ir = buildIr(derivedValues());
    const like = ir.entities.find((e) => e.className === 'Like');
    const subscriber = ir.entities.find((e) => e.className === 'Subscriber');
    expect(like?.uniques).toEqual([
      {
        id: 'u_dv_like_user_post',
        name: 'uq_likes_user_id_post_id',
        columns: ['user_id', 'post_id'],
        fields: ['user_id', 'post_id'],
      },
    ]);
    expect(subscriber?.uniques[0]?.columns).toEqual(['list_name', 'email_normalized']);
    const camel = buildIr({ ...derivedValues(), api: { ...derivedValues().api, naming: 'camelCase' } });
    expect(camel.entities.find((e) => e.className === 'Like')?.uniques[0]?.fields).toEqual([
      'userId',
      'postId',
    ]);
  });

  it('names past PostgreSQL 63 characters end in a hash of the whole name', () => {
    const columns = ['a_rather_long_column_name', 'another_rather_long_column_name'];
    const name = compositeUniqueName('some_table', columns);
    expect(name.length).toBe(63);
    expect(name).toMatch(/^uq_some_table_a_rather_long_column_name_an.*_[0-9a-f]{8}$/);
    expect(compositeUniqueName('some_table', columns)).toBe(name);
    expect(compositeUniqueName('some_table', [...columns].reverse())).not.toBe(name);
    expect(compositeUniqueName('t', ['a', 'b'])).toBe('uq_t_a_b');
  });

  it('a derived field is read-only in bodies whatever `readOnly` says, with its source resolved', () => {
    const ir = buildIr(derivedValues());
    const post = ir.entities.find((e) => e.className === 'Post');
    const slug = post?.fields.find((f) => f.name === 'slug');
    expect(slug).toMatchObject({ readOnly: true, inCreate: false, inUpdate: false, inRead: true });
    expect(slug?.derive).toMatchObject({ kind: 'slug', onUpdate: true, source: { name: 'title' } });
  });
});
