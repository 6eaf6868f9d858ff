/** A JSON Schema node as found in the document; `$ref`s to named schemas are kept. */
export type SchemaNode = Record<string, unknown>;

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'patch' | 'head' | 'options' | 'trace';

export interface SourceLocation {
  file: string;
  /** JSON pointer inside the file. */
  pointer: string;
}

export interface ApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  description?: string;
  schema: SchemaNode;
}

export interface ApiBody {
  contentType: string;
  required: boolean;
  description?: string;
  schema?: SchemaNode;
}

export interface ApiResponse {
  status: string;
  description?: string;
  contentType?: string;
  schema?: SchemaNode;
}

export interface ApiOperation {
  operationId?: string;
  method: HttpMethod;
  path: string;
  summary?: string;
  description?: string;
  tags: string[];
  parameters: ApiParameter[];
  requestBody?: ApiBody;
  responses: ApiResponse[];
  source: SourceLocation;
}

/** A format-independent view of one or more API documents. */
export interface ApiDocument {
  title: string;
  version: string;
  description?: string;
  /** Path prefix taken from the first server URL (`/v2`), or '' when none. */
  basePath: string;
  /** Named schemas, by name, in document order. */
  schemas: Map<string, { schema: SchemaNode; source: SourceLocation }>;
  operations: ApiOperation[];
  sources: string[];
}
