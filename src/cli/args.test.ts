import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './args';

describe('parseArgs', () => {
  it('reads the analyze command with its format, url and files in order', () => {
    expect(parseArgs(['analyze', '--format', 'jsonl', '--url', 'https://example.com/a', 'a.txt', 'b.html'])).toEqual({
      kind: 'analyze',
      format: 'jsonl',
      url: 'https://example.com/a',
      files: ['a.txt', 'b.html'],
    });
  });

  it('accepts --format=markdown and - for stdin', () => {
    expect(parseArgs(['analyze', '--format=markdown', '-'])).toMatchObject({ format: 'markdown', files: ['-'] });
  });

  it('defaults to the text format', () => {
    expect(parseArgs(['analyze', 'x.txt'])).toMatchObject({ format: 'text' });
  });

  it.each([
    [['analyze'], /no input files/],
    [['analyze', '--format', 'xml', 'a.txt'], /unknown format/],
    [['analyze', '--url', 'not a url', 'a.txt'], /not a valid URL/],
    [['analyze', '--bogus', 'a.txt'], /unknown option/],
    [['frobnicate'], /unknown command/],
    [['analyze', '-', '-'], /only once/],
  ])('rejects %j with a clear message', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});
