import type { HttpMethod } from '../../model/api-document.js';
import { cleanPath } from './endpoint-heading.js';

/**
 * An endpoint written as two labelled lines (or two rows of a key/value table), the method on
 * one and the path on the other: `请求方式：POST` and `请求地址：/api/articles`,
 * `**Method:** GET` and `**URL:** /users/{id}`, `| Méthode | POST |`.
 */
export type EndpointPart = { kind: 'method'; method: HttpMethod } | { kind: 'path'; path: string };

const METHOD_LABEL =
  /^(?:(?:http\s+)?(?:request\s+)?(?:method|verb)|请求方式|请求方法|请求类型|方法|método(?:\s+http)?|méthode(?:\s+http)?|methode|http-methode|phương thức|メソッド|リクエストメソッド)$/iu;
const PATH_LABEL =
  /^(?:(?:request\s+)?(?:url|uri|path|endpoint|route)|请求地址|请求路径|请求\s*url|接口地址|接口路径|地址|路径|url\s*地址|ruta|chemin|pfad|đường dẫn|パス|エンドポイント)$/iu;
const METHOD = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|TRACE)$/i;
const PATH = /^((?:https?:\/\/[^\s/]+)?\/\S*)$/;

/** The part a label and its value give, or undefined when the label names neither a method nor a path. */
export function readEndpointPart(label: string, value: string): EndpointPart | undefined {
  const name = label.replace(/[*_`]/g, '').trim();
  const written = value.replace(/`/g, '').trim();
  if (METHOD_LABEL.test(name)) {
    const method = METHOD.exec(written)?.[1];
    return method === undefined ? undefined : { kind: 'method', method: method.toLowerCase() as HttpMethod };
  }
  if (PATH_LABEL.test(name)) {
    const path = PATH.exec(written)?.[1];
    return path === undefined ? undefined : { kind: 'path', path: cleanPath(path) };
  }
  return undefined;
}

/** `请求方式：POST`, `Method - GET`: a line that is a label and a value. */
export function readEndpointPartLine(text: string): EndpointPart | undefined {
  const match = /^([^:：]{1,24}?)\s*[:：]\s*(.+)$/u.exec(text.trim());
  return match ? readEndpointPart(match[1]!, match[2]!) : undefined;
}
