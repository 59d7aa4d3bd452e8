import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwords';

const account = { email: 'dana.whitfield@riverside.example', name: 'Dana Whitfield' };

describe('passwordProblem (NIST SP 800-63B)', () => {
  it.each([
    'brisk maple orchard 1987',
    'correct-horse-battery-staple',
    'Ünïcödé pässwörd wörks fine',
    'dana loves long walks by the river',
    '4817 2290 5563 0041',
    'x'.repeat(3) + 'y'.repeat(3) + 'z'.repeat(6),
  ])('accepts %j', async (password) => {
    expect(await passwordProblem(password, account)).toBeNull();
  });

  it.each([
    ['eleven char', /at least 12/],
    ['1qaz2wsx3edc', /most commonly used/],
    ['QWERTY123456', /most commonly used/],
    ['zzzzzzzzzzzzzzzz', /repeats too few/],
    ['riverside-dana-whitfield', /built from your name/],
    ['DanaWhitfield2026!', /built from your name/],
    ['custos custos 2026', /built from your name/],
    ['1234567890123', /simple sequence/],
    ['lmnopqrstuvw', /simple sequence/],
    ['98765432109876', /simple sequence/],
  ])('refuses %j', async (password, why) => {
    expect(await passwordProblem(password, account)).toMatch(why);
  });

  it('counts characters, not UTF-16 units', async () => {
    expect(await passwordProblem('🐟🐟🐟🐟🐟🐟🐟🐟🐟🐟🐟', account)).toMatch(/at least 12/);
  });
});
