/**
 * `.yo-rc.json` read and written the way yeoman-generator's Storage does it, so that a run
 * of the bin without Yeoman leaves the same file as `yo infra-stack`: the answers under the
 * generator's package name, the other keys kept where they were, 2-space JSON and a newline.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { answersAlreadyRecorded, type RecordedAnswers, type StoredAnswers } from '../generators/app/options.js';

/** The section Yeoman keeps the answers under: the name of the generator's package. */
export const ANSWERS_SECTION = 'generator-infra-stack';

export const YO_RC_NAME = '.yo-rc.json';

type JsonObject = Record<string, unknown>;

export interface YoRcFile {
  path: string;
  /** The whole file; empty when there is none yet. */
  content: JsonObject;
}

/**
 * The `.yo-rc.json` of a folder. Undefined when the file exists but Yeoman's storage would
 * refuse it or read it in its own odd way (not JSON, not an object, a section that is no
 * object): such a run is left to Yeoman, which reports it.
 */
export async function readYoRc(folder: string): Promise<YoRcFile | undefined> {
  const path = join(folder, YO_RC_NAME);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { path, content: {} } : undefined;
  }
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isPlainObject(content)) return undefined;
  const section = content[ANSWERS_SECTION];
  if (section !== undefined && !isPlainObject(section)) return undefined;
  return { path, content };
}

/** The answers a previous run recorded. */
export function recordedAnswers(file: YoRcFile): StoredAnswers {
  return structuredClone((file.content[ANSWERS_SECTION] ?? {}) as StoredAnswers);
}

/**
 * Merges the answers into the generator's section (Storage#set) and writes the whole file,
 * without the `forgotten` ones, only when that changes it (a run that changes nothing writes nothing).
 * Returns whether it wrote.
 */
export async function recordAnswers(file: YoRcFile, answers: RecordedAnswers, forgotten: readonly string[] = []): Promise<boolean> {
  const recorded = (file.content[ANSWERS_SECTION] as JsonObject | undefined) ?? {};
  if (file.content[ANSWERS_SECTION] !== undefined && answersAlreadyRecorded(recorded, answers, forgotten)) return false;
  const section: JsonObject = { ...recorded, ...answers };
  for (const key of forgotten) delete section[key];
  const content = { ...file.content, [ANSWERS_SECTION]: section };
  await writeFile(file.path, `${JSON.stringify(content, null, 2)}\n`);
  return true;
}

function isPlainObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
