import { describe, expect, it } from 'vitest';
import { indefiniteArticle, withArticle } from './article';

describe('indefinite article', () => {
  it.each([
    ['Author', 'an'],
    ['Order', 'an'],
    ['Item', 'an'],
    ['OrderLine', 'an'],
    ['Entity', 'an'],
    ['Post', 'a'],
    ['User', 'a'],
    ['UserProfile', 'a'],
    ['Unit', 'a'],
    ['Euro', 'a'],
    ['Umbrella', 'an'],
    ['Uninvited', 'an'],
    ['Hour', 'an'],
    ['Hotel', 'a'],
    ['SMSCode', 'an'],
    ['URL', 'a'],
    ['APIKey', 'an'],
    ['X', 'an'],
    ['Y', 'a'],
    ['', 'a'],
  ])('%s takes "%s"', (word, article) => {
    expect(indefiniteArticle(word)).toBe(article);
  });

  it('puts the article before the word', () => {
    expect(withArticle('Author')).toBe('an Author');
    expect(withArticle('Post')).toBe('a Post');
    expect(withArticle('Order', { capital: true })).toBe('An Order');
    expect(withArticle('User', { capital: true })).toBe('A User');
  });
});
