import type { Component } from '../../../core/index.js';

/** One setting of an adapter: its environment variable, its `Settings` field, type and default. */
export interface AdapterSetting {
  env: string;
  field: string;
  type: string;
  default: string;
  /** The value shown in `.env.example`. */
  example: string;
}

/** The settings an adapter reads from `app/core/config.py`, and which of them play which part. */
export interface AdapterSettings {
  all: AdapterSetting[];
  baseUrl: AdapterSetting;
  /** Sent as a bearer token, when the adapter has a secret. */
  apiKey?: AdapterSetting;
  timeout: AdapterSetting;
  maxRetries: AdapterSetting;
  backoff: AdapterSetting;
}

const URL_NAME = /_(?:BASE_)?(?:URL|URI|ENDPOINT|HOST)$/;
const SECRET_NAME = /_(?:KEY|SECRET|TOKEN|PASSWORD)$/;
/** Of several secrets, the one most likely sent with each request. */
const API_KEY_NAME = /_(?:API_KEY|TOKEN|SECRET_KEY|KEY)$/;

/** The settings of an adapter's reliability, by name after the prefix: type and default. */
const RELIABILITY: Record<string, [string, string]> = {
  TIMEOUT_SECONDS: ['float', '10.0'],
  MAX_RETRIES: ['int', '3'],
  BACKOFF_SECONDS: ['float', '0.5'],
};

function settingFor(env: string, prefix: string): AdapterSetting {
  const reliability = env.startsWith(prefix) ? RELIABILITY[env.slice(prefix.length)] : undefined;
  const [type, value] = reliability ?? (SECRET_NAME.test(env) ? ['SecretStr | None', 'None'] : ['str | None', 'None']);
  return { env, field: env.toLowerCase(), type, default: value, example: reliability ? value : '' };
}

/**
 * The item's `config` names (`PAYMENT_API_BASE_URL`, `PAYMENT_API_KEY`) plus what every HTTP
 * adapter needs and the item did not name: a base URL, a timeout, a retry count and a backoff,
 * under the names' common prefix (`PAYMENT_API_`), else the class's (`PAYMENT_GATEWAY_CLIENT_`).
 * Secrets are `SecretStr`; nothing is required, so the app starts without an adapter's settings
 * and the adapter says which one is missing when it is made.
 */
export function adapterSettings(component: Component, slug: string): AdapterSettings {
  const names = component.config.map((name) => name.trim().toUpperCase().replace(/[^A-Z0-9_]/g, '_')).filter((name) => name !== '');
  const prefix = commonPrefix(names) || `${slug.toUpperCase()}_`;
  const given = names.map((env) => settingFor(env, prefix));
  const named = (env: string) => given.find((s) => s.env === env) ?? settingFor(env, prefix);
  const baseUrl = given.find((s) => URL_NAME.test(s.env)) ?? settingFor(`${prefix}BASE_URL`, prefix);
  const secrets = given.filter((s) => SECRET_NAME.test(s.env));
  const apiKey = secrets.find((s) => API_KEY_NAME.test(s.env)) ?? secrets[0];
  const [timeout, maxRetries, backoff] = Object.keys(RELIABILITY).map((suffix) => named(`${prefix}${suffix}`)) as [AdapterSetting, AdapterSetting, AdapterSetting];
  const all = [...given];
  for (const extra of [baseUrl, timeout, maxRetries, backoff]) if (!all.includes(extra)) all.push(extra);
  return { all, baseUrl, ...(apiKey ? { apiKey } : {}), timeout, maxRetries, backoff };
}

/** `PAYMENT_API_` for `PAYMENT_API_BASE_URL` and `PAYMENT_API_KEY`: whole words, leaving each name a word. */
function commonPrefix(names: string[]): string {
  if (names.length === 0) return '';
  const split = names.map((name) => name.split('_'));
  const shortest = Math.min(...split.map((words) => words.length - 1));
  let count = 0;
  while (count < shortest && split.every((words) => words[count] === split[0]![count])) count += 1;
  return count === 0 ? '' : `${split[0]!.slice(0, count).join('_')}_`;
}
