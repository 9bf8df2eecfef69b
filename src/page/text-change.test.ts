import { describe, expect, it } from 'vitest';
import { isSubstantialChange } from './text-change';

const story = 'The White House chief said he spoke to both leaders on the phone and that both wanted peace now. '.repeat(3);

describe('article text change', () => {
  it('is not substantial when nothing or only a word or two changed', () => {
    expect(isSubstantialChange(story, story)).toBe(false);
    expect(isSubstantialChange(`${story} Updated 5 min ago`, `${story} Updated 6 min ago`)).toBe(false);
  });

  it('is substantial when a new article replaced the old one (single-page navigation)', () => {
    expect(isSubstantialChange(story, 'Markets fell sharply on Friday as investors weighed new tariffs on steel imports.')).toBe(true);
  });

  it('is substantial when late content doubles the article', () => {
    expect(isSubstantialChange('Nearly three years after the invasion, talks are set to begin.', story)).toBe(true);
  });

  it('is not a reason to check when the article went empty', () => {
    expect(isSubstantialChange(story, '   ')).toBe(false);
  });
});
