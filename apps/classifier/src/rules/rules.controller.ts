import { ApplyRuleMessage, ByIdMessage, CLASSIFIER, CreateRuleMessage, UpdateRuleMessage, UserMessage } from '@finstack/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ClassifierReply } from '../common/classifier-reply';
import { RuleApplicationService } from './rule-application.service';
import { RulesService } from './rules.service';

@Controller()
export class RulesController {
  constructor(
    private readonly rules: RulesService,
    private readonly application: RuleApplicationService,
  ) {}

  @MessagePattern(CLASSIFIER.createRule)
  create(@Payload() message: CreateRuleMessage): ClassifierReply<typeof CLASSIFIER.createRule> {
    return this.rules.create(message.userId, message.body);
  }

  @MessagePattern(CLASSIFIER.listRules)
  list(@Payload() message: UserMessage): ClassifierReply<typeof CLASSIFIER.listRules> {
    return this.rules.list(message.userId);
  }

  @MessagePattern(CLASSIFIER.getRule)
  get(@Payload() message: ByIdMessage): ClassifierReply<typeof CLASSIFIER.getRule> {
    return this.rules.get(message.userId, message.id);
  }

  @MessagePattern(CLASSIFIER.updateRule)
  update(@Payload() message: UpdateRuleMessage): ClassifierReply<typeof CLASSIFIER.updateRule> {
    return this.rules.update(message.userId, message.id, message.patch);
  }

  @MessagePattern(CLASSIFIER.deleteRule)
  delete(@Payload() message: ByIdMessage): ClassifierReply<typeof CLASSIFIER.deleteRule> {
    return this.rules.delete(message.userId, message.id);
  }

  @MessagePattern(CLASSIFIER.applyRule)
  apply(@Payload() message: ApplyRuleMessage): ClassifierReply<typeof CLASSIFIER.applyRule> {
    return this.application.apply(message.userId, message.id, message.options.dryRun ?? false);
  }
}
