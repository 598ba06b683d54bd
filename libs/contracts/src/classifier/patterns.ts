/** Message patterns of the classifier service. */
export const CLASSIFIER = {
  classify: 'classifier.classify',
  classifyForUsers: 'classifier.classify-for-users',
  autoCategorize: 'classifier.auto-categorize',
  setManualCategory: 'classifier.manual.set',
  learn: 'classifier.learn',
  suggestions: 'classifier.suggestions',
  createRule: 'classifier.rule.create',
  listRules: 'classifier.rule.list',
  getRule: 'classifier.rule.get',
  updateRule: 'classifier.rule.update',
  deleteRule: 'classifier.rule.delete',
  applyRule: 'classifier.rule.apply',
} as const;
