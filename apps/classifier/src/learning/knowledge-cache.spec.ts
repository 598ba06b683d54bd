import { KnowledgeCache } from './knowledge-cache';
import { UserKnowledge } from './user-knowledge';

/** Knowledge of a few payees: its size counts them and their model features. */
function knowledgeOf(...payees: string[]): UserKnowledge {
  const knowledge = new UserKnowledge(1);
  for (const payee of payees) knowledge.learn({ description: payee, merchant: null }, 'c', 1);
  return knowledge;
}

describe('KnowledgeCache', () => {
  it('drops the least recently used users once over budget, never the one just stored', () => {
    const sizeOfOne = knowledgeOf('aa').size;
    const cache = new KnowledgeCache(sizeOfOne * 2);
    cache.set('a', knowledgeOf('aa'));
    cache.set('b', knowledgeOf('aa'));
    cache.get('a'); // a is now more recent than b
    cache.set('c', knowledgeOf('aa'));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();

    const huge = knowledgeOf('aa', 'bb', 'cc', 'dd');
    cache.set('d', huge);
    expect(cache.get('d')).toBe(huge);
    expect(cache.get('a')).toBeUndefined();
  });

  it('accounts for knowledge that grew in place', () => {
    const small = knowledgeOf('aa');
    const cache = new KnowledgeCache(small.size * 2);
    cache.set('a', knowledgeOf('aa'));
    cache.set('b', small);
    small.learn({ description: 'bb cc dd', merchant: null }, 'c', 1);
    cache.resized('b');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBe(small);
  });
});
