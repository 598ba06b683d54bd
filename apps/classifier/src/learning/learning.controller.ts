import { CLASSIFIER, LearnMessage, SetManualCategoryMessage } from '@finstack/contracts';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ClassifierReply } from '../common/classifier-reply';
import { LearningService } from './learning.service';

@Controller()
export class LearningController {
  constructor(private readonly learning: LearningService) {}

  @MessagePattern(CLASSIFIER.setManualCategory)
  setManualCategory(@Payload() message: SetManualCategoryMessage): ClassifierReply<typeof CLASSIFIER.setManualCategory> {
    return this.learning.setManualCategory(message.userId, message.transactionIds, message.categoryId);
  }

  @MessagePattern(CLASSIFIER.learn)
  learn(@Payload() message: LearnMessage): ClassifierReply<typeof CLASSIFIER.learn> {
    return this.learning.learn(message.userId, message.examples);
  }
}
