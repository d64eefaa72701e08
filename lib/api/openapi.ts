/**
 * The OpenAPI 3.1 document of /api/v1, with parameters generated from the routes' own zod schemas.
 */
import { z } from 'zod';
import { agenciesQuery, agencyQuery, rankingsQueryShape, regionQuery, regionsQuery, reportQuery } from './queries';

type Shape = Record<string, z.ZodType>;

function parameters(shape: Shape, inPath: readonly string[] = []) {
  return Object.entries(shape).map(([name, schema]) => {
    const { $schema: _s, description, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    const isPath = inPath.includes(name);
    return {
      name,
      in: isPath ? 'path' : 'query',
      required: isPath,
      ...(typeof description === 'string' ? { description } : {}),
      schema: json,
    };
  });
}

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

function operation(summary: string, shape: Shape, inPath: readonly string[], jsonSchema: object, notFound: boolean) {
  return {
    get: {
      summary,
      parameters: parameters(shape, inPath),
      responses: {
        '200': {
          description: 'JSON by default; CSV (UTF-8 with BOM, attachment) with format=csv',
          headers: {
            ETag: { schema: { type: 'string' }, description: 'changes whenever the data changes' },
            'Access-Control-Allow-Origin': { schema: { type: 'string', const: '*' } },
          },
          content: { 'application/json': { schema: jsonSchema }, 'text/csv': { schema: { type: 'string' } } },
        },
        '304': { description: 'Not modified (If-None-Match matched the ETag)' },
        '400': errorResponse('A parameter is invalid; `parameter` names it'),
        ...(notFound ? { '404': errorResponse('No such resource') } : {}),
      },
    },
  };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const page = (item: string) => ({
  type: 'object',
  required: ['total', 'limit', 'offset', 'links', 'items'],
  properties: {
    total: { type: 'integer' },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
    links: ref('PageLinks'),
    items: { type: 'array', items: ref(item) },
  },
});
const nullableInt = { type: ['integer', 'null'] };
const url = { type: 'string', format: 'uri' };

/** The document, with `serverUrl` (env().siteUrl) as its server. */
export function openApiDocument(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'gongkai open data API',
      version: '1.0.0',
      description:
        'Figures of the annual reports on open government information (政府信息公开工作年度报告), as parsed, with ' +
        'their checks and warnings. Every list is paginated (limit/offset or page) and every answer is JSON or, ' +
        'with format=csv, CSV. Answers may be cached for 5 minutes; ETags change when the data does. Synthetic ' +
        '(benchmark) data is never included.',
    },
    servers: [{ url: serverUrl }],
    paths: {
      '/api/v1/agencies': operation('Agencies, filtered and paginated', agenciesQuery.shape, [], page('AgencyListItem'), false),
      '/api/v1/agencies/{slug}': operation('One agency with the figures of every year', agencyQuery.shape, ['slug'], ref('Agency'), true),
      '/api/v1/reports/{id}': operation('One report: every figure, check and warning (CSV: figures in long form)', reportQuery.shape, ['id'], ref('Report'), true),
      '/api/v1/regions': operation('Divisions (GB/T 2260) by parent or level, with counts', regionsQuery.shape, [], page('Region'), false),
      '/api/v1/regions/{code}': operation('One division with its path and counts', regionQuery.shape, ['code'], ref('Region'), true),
      '/api/v1/rankings': operation('A ranking of regions or agencies by a metric (the ranking page’s parameters)', rankingsQueryShape, [], ref('Ranking'), false),
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error', 'message'],
          properties: { error: { type: 'string' }, parameter: { type: 'string' }, message: { type: 'string' } },
        },
        PageLinks: {
          type: 'object',
          properties: { self: url, first: url, prev: { type: ['string', 'null'] }, next: { type: ['string', 'null'] }, last: url },
        },
        YearFigures: {
          type: 'object',
          properties: Object.fromEntries(
            ['reportId', 'year', 'newReceived', 'carriedOver', 'granted', 'partiallyGranted', 'denied', 'unable',
              'notProcessed', 'otherTotal', 'totalHandled', 'carriedForward', 'reconsiderationTotal',
              'litigationTotal', 'checksPassed', 'checksTotal'].map((k) => [k, nullableInt]),
          ),
        },
        AgencyListItem: {
          type: 'object',
          properties: {
            slug: { type: 'string' },
            name: { type: 'string' },
            kind: { type: 'string' },
            regionCode: { type: ['string', 'null'] },
            regionName: { type: ['string', 'null'] },
            years: { type: 'array', items: { type: 'integer' } },
            figures: { oneOf: [ref('YearFigures'), { type: 'null' }] },
          },
        },
        Agency: {
          type: 'object',
          properties: {
            slug: { type: 'string' },
            name: { type: 'string' },
            kind: { type: 'string' },
            regionCode: { type: ['string', 'null'] },
            regionPath: { type: 'array', items: { type: 'object' } },
            url,
            years: { type: 'array', items: ref('YearFigures') },
          },
        },
        Report: {
          type: 'object',
          description: 'applications: table 3 (row → applicant column → number); reviews: table 4; proactive: table 1',
          properties: {
            id: { type: 'integer' },
            year: { type: 'integer' },
            template: { type: 'string', enum: ['2019', '2021'] },
            applications: { type: 'object', additionalProperties: { type: 'object' } },
            reviews: { type: 'object', additionalProperties: { type: 'object' } },
            proactive: { type: 'object', additionalProperties: { type: 'object' } },
            feesCollectedYuan: { type: ['number', 'null'] },
            checks: { type: 'array', items: { type: 'object' } },
            warnings: { type: 'array', items: { type: 'object' } },
            sources: { type: 'object', description: 'figure path → source line and cell' },
            agency: { type: 'object' },
            url,
          },
        },
        Region: {
          type: 'object',
          properties: {
            code: { type: 'string' },
            name: { type: 'string' },
            fullName: { type: 'string' },
            level: { type: 'integer' },
            parentCode: { type: ['string', 'null'] },
            agencyCount: { type: 'integer' },
            reportCount: { type: 'integer' },
            latestYear: nullableInt,
          },
        },
        Ranking: {
          type: 'object',
          properties: {
            params: { type: 'object' },
            year: nullableInt,
            rows: { type: 'array', items: { type: 'object' } },
            total: { type: 'integer' },
            sufficientTotal: { type: 'integer' },
            pages: { type: 'integer' },
          },
        },
      },
    },
  };
}
