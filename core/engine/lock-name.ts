/** The folder `<out>/.infra-stack.lock` a run holds while it reads and writes the output folder (see `output-lock.ts`). */
export const LOCK_NAME = '.infra-stack.lock';
