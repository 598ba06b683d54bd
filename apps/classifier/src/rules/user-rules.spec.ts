import { CreateRuleBody } from '@finstack/contracts';
import { createClassifierTestApp, ClassifierTestApp, newUserId } from '../testing/classifier-test-app';
import { RulePatterns } from './rule-patterns';
import { ruleSubject } from './rule-subject';
import { RulesService } from './rules.service';
import { UserRules } from './user-rules';

describe('UserRules (compiled rules, cached per user and rule version)', () => {
  let app: ClassifierTestApp;
  let rules: RulesService;
  let userRules: UserRules;
  let compiles: jest.SpyInstance;
  let user: string;
  let categoryId: string;

  beforeAll(async () => {
    app = await createClassifierTestApp();
    rules = app.get(RulesService);
    userRules = app.get(UserRules);
    compiles = jest.spyOn(app.get(RulePatterns), 'compile');
  });
  afterAll(() => app.close());
  beforeEach(() => {
    user = newUserId();
    categoryId = app.ledger.openAccount(user).Entertainment.id;
  });

  const matching = (value: string): CreateRuleBody => ({
    name: 'streaming',
    conditions: [{ field: 'description', operator: 'matches', value }],
    categoryId,
  });
  const netflix = ruleSubject({ description: 'NETFLIX.COM', amount: '-9.99', currency: 'EUR' });

  it('compiles a user’s rules once, not on every classification', async () => {
    await rules.create(user, matching('netflix'));
    await rules.create(user, matching('spotify'));
    const first = await userRules.forUser(user);
    compiles.mockClear();
    const again = await userRules.forUser(user);
    expect(again).toBe(first);
    expect(compiles).not.toHaveBeenCalled();
  });

  it('compiles again once a rule is changed, added, disabled or deleted, and applies the change at once', async () => {
    const rule = await rules.create(user, matching('netflix'));
    expect((await userRules.forUser(user)).map((r) => r.matches(netflix))).toEqual([true]);

    await rules.update(user, rule.id, { conditions: matching('hulu').conditions });
    expect((await userRules.forUser(user)).map((r) => r.matches(netflix))).toEqual([false]);

    const added = await rules.create(user, matching('netflix'));
    expect((await userRules.forUser(user)).map((r) => r.matches(netflix))).toEqual([false, true]);

    await rules.update(user, added.id, { enabled: false });
    expect(await userRules.forUser(user)).toHaveLength(1);

    await rules.delete(user, rule.id);
    expect(await userRules.forUser(user)).toEqual([]);
  });

  it('sees a change made twice within one millisecond: a rule’s version always moves forward', async () => {
    const rule = await rules.create(user, matching('netflix'));
    await userRules.forUser(user);
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now);
    try {
      await rules.update(user, rule.id, { conditions: matching('hulu').conditions });
      expect((await userRules.forUser(user))[0].matches(netflix)).toBe(false);
      await rules.update(user, rule.id, { conditions: matching('netflix').conditions });
      expect((await userRules.forUser(user))[0].matches(netflix)).toBe(true);
    } finally {
      clock.mockRestore();
    }
  });
});
