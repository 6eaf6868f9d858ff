import { InfraStackError, type DomainModel, type TechnologyChoice, type TechnologyTopic } from '../../core/index.js';
import { locationOf } from '../../core/model/api-document.js';

/** What this stack writes, by topic: a document asking for anything else asks for another stack. */
const WRITES: Record<TechnologyTopic, readonly string[]> = {
  language: ['Python'],
  // FastAPI is built on Starlette: an app of one is an app of the other.
  framework: ['FastAPI', 'Starlette'],
  orm: ['SQLAlchemy'],
};

const DESCRIPTION = 'FastAPI on Python with SQLAlchemy';

/**
 * The documents' technology choices this stack cannot honour stop the run at the first, naming its
 * place (`| Web framework | Express |` would otherwise get a FastAPI backend without a word).
 */
export function checkTechnologies(model: DomainModel, stackName: string): void {
  const refused = (model.technologies ?? []).find((choice) => !WRITES[choice.topic].includes(choice.name));
  if (refused) throw refusal(refused, stackName);
}

function refusal(choice: TechnologyChoice, stackName: string): InfraStackError {
  const topic = choice.topic === 'orm' ? 'ORM' : choice.topic;
  return new InfraStackError(
    `the tech stack chooses ${choice.name} as the ${topic} ("${choice.written}"), but the ${stackName} stack writes ${DESCRIPTION}: change that choice, or install a stack that writes ${choice.name} and select it with --stack`,
    { file: choice.source.file, location: locationOf(choice.source) },
  );
}
