import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The e2e files that take longest on a 2-core machine (test/README.md), started first: with two
 * files at a time, a long file started last leaves one core idle while it finishes alone. The
 * others keep vitest's own order (the longest of the last run first, when it has a cache).
 */
const LONGEST = ['corpus-slice', 'ddl', 'generated-backend', 'classes-documents', 'mysql-backend', 'yo-global'];

function rank(file: TestSpecification): number {
  const index = LONGEST.findIndex((name) => file.moduleId.endsWith(`/${name}.e2e.test.ts`) || file.moduleId.endsWith(`/${name}.test.ts`));
  return index === -1 ? LONGEST.length : index;
}

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}
