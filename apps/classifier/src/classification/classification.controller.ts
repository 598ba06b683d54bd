import { AutoCategorizeMessage, CLASSIFIER, ClassifyForUsersMessage, ClassifyMessage, SuggestionsMessage } from '@finstack/contracts';
import { InPlaceValidationPipe, CallableBy } from '@finstack/rpc';
import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ClassifierReply } from '../common/classifier-reply';
import { AutoCategorizeService } from './auto-categorize.service';
import { ClassificationService } from './classification.service';

const EACH_REQUEST = new InPlaceValidationPipe(ClassifyMessage);

@Controller()
export class ClassificationController {
  constructor(
    private readonly classification: ClassificationService,
    private readonly autoCategorize: AutoCategorizeService,
  ) {}

  @MessagePattern(CLASSIFIER.classify)
  @CallableBy('gateway-user', 'service:trx-crud')
  classify(
    // In place: an import sends batches of 1,000 plain items, which the global pipe would copy one by one.
    @Payload(new InPlaceValidationPipe(ClassifyMessage)) message: Pick<ClassifyMessage, 'userId' | 'items' | 'categories'>,
  ): ClassifierReply<typeof CLASSIFIER.classify> {
    return this.classification.classify(message.userId, message.items, message.categories);
  }

  @MessagePattern(CLASSIFIER.classifyForUsers)
  @CallableBy('service:trx-crud')
  async classifyForUsers(
    @Payload(new InPlaceValidationPipe(ClassifyForUsersMessage)) message: ClassifyForUsersMessage,
  ): ClassifierReply<typeof CLASSIFIER.classifyForUsers> {
    const requests: Pick<ClassifyMessage, 'userId' | 'items' | 'categories'>[] = [];
    for (const request of message.requests) requests.push(await EACH_REQUEST.transform(request));
    return this.classification.classifyForUsers(requests);
  }

  @MessagePattern(CLASSIFIER.autoCategorize)
  run(@Payload() message: AutoCategorizeMessage): ClassifierReply<typeof CLASSIFIER.autoCategorize> {
    return this.autoCategorize.run(message);
  }

  @MessagePattern(CLASSIFIER.suggestions)
  suggestions(@Payload() message: SuggestionsMessage): ClassifierReply<typeof CLASSIFIER.suggestions> {
    return this.classification.suggestions(message.userId, message.transactionId);
  }
}
