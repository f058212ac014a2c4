/** The parts of an OpenAPI 3 document the tests read. */
export interface OpenApiSchema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  required?: string[];
  items?: OpenApiSchema;
  properties?: Record<string, OpenApiSchema>;
}

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: OpenApiSchema;
}

interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema: OpenApiSchema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, OpenApiSchema> };
}

/** The schema reference of an operation's JSON body. */
export const jsonBodyRef = (document: OpenApiDocument, method: string, path: string): string | undefined =>
  document.paths[path]?.[method]?.requestBody?.content['application/json']?.schema.$ref;

/** The query parameters of an operation, by name. */
export const queryParameters = (
  document: OpenApiDocument,
  method: string,
  path: string,
): Record<string, OpenApiParameter> =>
  Object.fromEntries(
    (document.paths[path]?.[method]?.parameters ?? [])
      .filter((parameter) => parameter.in === 'query')
      .map((parameter) => [parameter.name, parameter]),
  );
