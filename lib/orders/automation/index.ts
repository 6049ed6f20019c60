// Automation rules: zod-validated conditions → actions, applied at validation.
export * from './schemas';
export { evaluateRules, conditionHolds, type OrderFacts, type RuleOutcome, type EvaluableRule } from './evaluate-rules';
export { loadActiveRules, parseStoredRule, forgetCachedRules } from './load-active-rules';
export { listAutomationRules } from './list-automation-rules';
export { createAutomationRule } from './create-automation-rule';
export { updateAutomationRule } from './update-automation-rule';
export { deleteAutomationRule } from './delete-automation-rule';
