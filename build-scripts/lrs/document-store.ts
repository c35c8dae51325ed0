/**
 * The three xAPI 1.0.3 document resources — State, Activity Profile, Agent Profile — in memory,
 * as plain request → result logic without HTTP (lrs.ts writes the results out). xapi-statements
 * implements only the Statements resource, so tests and previews get these from here.
 * Rules: xAPI 1.0.3 Communication §2.2–2.7 (documents) and §3.1 (concurrency).
 */
import { createHash } from 'node:crypto';

export type DocumentResource = 'state' | 'activity-profile' | 'agent-profile';

export interface DocumentRequest {
  /** GET, PUT, POST or DELETE (an HTTP layer answers HEAD as GET without the body). */
  method: string;
  /** The query parameters: activityId, agent (JSON), registration, stateId, profileId, since. */
  params: URLSearchParams | Record<string, string>;
  contentType?: string;
  ifMatch?: string;
  ifNoneMatch?: string;
  body?: Buffer | string;
}

export interface DocumentResult {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

interface StoredDocument {
  /** Resource + activity + agent, without the registration (multiple-document GET/DELETE span registrations). */
  context: string;
  registration: string | null;
  id: string;
  contentType: string;
  content: Buffer;
  etag: string;
  updated: Date;
}

/** Where a request points: a context, an optional registration and an optional document id. */
interface Target {
  context: string;
  registration: string | null;
  id: string | null;
}

class BadRequest extends Error {}

const IFIS = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:\S+$/i;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}(:?\d{2})?)?$/i;

export class DocumentStore {
  private readonly documents = new Map<string, StoredDocument>();

  /** Answer one request to `resource` as an LRS would. */
  handle(resource: DocumentResource, request: DocumentRequest): DocumentResult {
    try {
      const params = request.params instanceof URLSearchParams ? request.params : new URLSearchParams(request.params);
      const target = parseTarget(resource, params);
      const method = request.method.toUpperCase();
      if (target.id === null && (method === 'PUT' || method === 'POST' || (method === 'DELETE' && resource !== 'state'))) {
        throw new BadRequest(`${idParameter(resource)} is required for ${method}`);
      }
      switch (method) {
        case 'GET':
          return target.id === null ? this.list(target, since(params)) : this.get(target);
        case 'PUT':
          return this.put(resource, target, request);
        case 'POST':
          return this.post(resource, target, request);
        case 'DELETE':
          return target.id === null ? this.deleteAll(target) : this.delete(resource, target, request);
        default:
          return errorResult(405, `${request.method} is not a method of this resource`);
      }
    } catch (error) {
      if (error instanceof BadRequest) return errorResult(400, error.message);
      throw error;
    }
  }

  /** Forget every document. */
  clear(): void {
    this.documents.clear();
  }

  private get(target: Target): DocumentResult {
    const doc = this.documents.get(keyOf(target));
    if (!doc) return errorResult(404, 'No such document');
    return {
      status: 200,
      headers: { 'Content-Type': doc.contentType, ETag: doc.etag, 'Last-Modified': doc.updated.toUTCString() },
      body: doc.content,
    };
  }

  private list(target: Target, after: Date | null): DocumentResult {
    const docs = this.inContext(target).filter((doc) => after === null || doc.updated > after);
    const body = Buffer.from(JSON.stringify([...new Set(docs.map((doc) => doc.id))]));
    const headers: Record<string, string> = { 'Content-Type': 'application/json', ETag: etagOf(body) };
    if (docs.length > 0) {
      const newest = Math.max(...docs.map((doc) => doc.updated.getTime()));
      headers['Last-Modified'] = new Date(newest).toUTCString();
    }
    return { status: 200, headers, body };
  }

  private put(resource: DocumentResource, target: Target, request: DocumentRequest): DocumentResult {
    const existing = this.documents.get(keyOf(target));
    const refused = preconditionFailure(resource, 'PUT', existing, request);
    if (refused) return refused;
    this.save(target, request.contentType || 'application/octet-stream', toBuffer(request.body));
    return noContent();
  }

  /** POST stores a new document, or merges a JSON object into an existing JSON object (§2.2 "JSON Procedure"). */
  private post(resource: DocumentResource, target: Target, request: DocumentRequest): DocumentResult {
    const existing = this.documents.get(keyOf(target));
    const refused = preconditionFailure(resource, 'POST', existing, request);
    if (refused) return refused;
    const content = toBuffer(request.body);
    const posted = isJsonType(request.contentType) ? jsonObject(content) : null;
    if (isJsonType(request.contentType) && posted === null) return errorResult(400, 'A POSTed application/json document must be a JSON object');
    if (!existing) {
      this.save(target, request.contentType || 'application/octet-stream', content);
      return noContent();
    }
    const current = isJsonType(existing.contentType) ? jsonObject(existing.content) : null;
    if (posted === null || current === null) {
      return errorResult(400, 'POST merges only an application/json object into an existing application/json object; use PUT to replace');
    }
    this.save(target, 'application/json', Buffer.from(JSON.stringify({ ...current, ...posted })));
    return noContent();
  }

  private delete(resource: DocumentResource, target: Target, request: DocumentRequest): DocumentResult {
    const existing = this.documents.get(keyOf(target));
    const refused = preconditionFailure(resource, 'DELETE', existing, request);
    if (refused) return refused;
    this.documents.delete(keyOf(target));
    return noContent();
  }

  /** State only: every document of the activity + agent (+ registration when given). */
  private deleteAll(target: Target): DocumentResult {
    for (const doc of this.inContext(target)) this.documents.delete(keyOf(doc));
    return noContent();
  }

  private inContext(target: Target): StoredDocument[] {
    return [...this.documents.values()].filter(
      (doc) => doc.context === target.context && (target.registration === null || doc.registration === target.registration),
    );
  }

  private save(target: Target, contentType: string, content: Buffer): void {
    const doc: StoredDocument = {
      context: target.context,
      registration: target.registration,
      id: target.id!,
      contentType,
      content,
      etag: etagOf(content),
      updated: new Date(),
    };
    this.documents.set(keyOf(doc), doc);
  }
}

function parseTarget(resource: DocumentResource, params: URLSearchParams): Target {
  const id = param(params, idParameter(resource));
  switch (resource) {
    case 'state': {
      const context = JSON.stringify([resource, activityId(params), agentKey(param(params, 'agent'))]);
      return { context, registration: registration(param(params, 'registration')), id };
    }
    case 'activity-profile':
      return { context: JSON.stringify([resource, activityId(params)]), registration: null, id };
    case 'agent-profile':
      return { context: JSON.stringify([resource, agentKey(param(params, 'agent'))]), registration: null, id };
  }
}

function idParameter(resource: DocumentResource): string {
  return resource === 'state' ? 'stateId' : 'profileId';
}

/** A parameter's value; an empty one counts as missing. */
function param(params: URLSearchParams, name: string): string | null {
  return params.get(name) || null;
}

function activityId(params: URLSearchParams): string {
  const value = param(params, 'activityId');
  if (value === null) throw new BadRequest('activityId is required');
  if (!HAS_SCHEME.test(value)) throw new BadRequest('activityId must be an IRI');
  return value;
}

function registration(value: string | null): string | null {
  if (value === null) return null;
  if (!UUID.test(value)) throw new BadRequest('registration must be a UUID');
  return value.toLowerCase();
}

function since(params: URLSearchParams): Date | null {
  const value = param(params, 'since');
  if (value === null) return null;
  const time = Date.parse(value);
  if (!TIMESTAMP.test(value) || Number.isNaN(time)) throw new BadRequest('since must be an ISO 8601 timestamp');
  return new Date(time);
}

/** The agent's identity: its one inverse functional identifier, normalised; name and other keys do not count. */
function agentKey(text: string | null): string {
  if (text === null) throw new BadRequest('agent is required');
  let agent: unknown;
  try {
    agent = JSON.parse(text);
  } catch {
    throw new BadRequest('agent is not valid JSON');
  }
  if (!isObject(agent)) throw new BadRequest('agent must be a JSON object');
  if (agent.objectType !== undefined && agent.objectType !== 'Agent') throw new BadRequest('agent must be an Agent');
  const present = IFIS.filter((ifi) => agent[ifi] !== undefined);
  if (present.length !== 1) {
    throw new BadRequest(`agent must have exactly one of mbox, mbox_sha1sum, openid, account; it has ${present.length}`);
  }
  return JSON.stringify([present[0], normalisedIfi(present[0], agent[present[0]])]);
}

function normalisedIfi(ifi: (typeof IFIS)[number], value: unknown): string | string[] {
  switch (ifi) {
    case 'mbox': {
      const match = typeof value === 'string' ? /^mailto:([^@\s]+)@([^@\s]+)$/i.exec(value) : null;
      if (!match) throw new BadRequest('agent.mbox must be "mailto:" followed by an e-mail address');
      // The scheme and the domain are case-insensitive; the local part is not.
      return `mailto:${match[1]}@${match[2].toLowerCase()}`;
    }
    case 'mbox_sha1sum':
      if (typeof value !== 'string' || !/^[0-9a-f]{40}$/i.test(value)) throw new BadRequest('agent.mbox_sha1sum must be a SHA-1 hex digest');
      return value.toLowerCase();
    case 'openid':
      if (typeof value !== 'string' || !HAS_SCHEME.test(value)) throw new BadRequest('agent.openid must be a URI');
      return value;
    case 'account':
      if (!isObject(value) || typeof value.homePage !== 'string' || !HAS_SCHEME.test(value.homePage) || typeof value.name !== 'string' || value.name === '') {
        throw new BadRequest('agent.account must have a homePage IRL and a name');
      }
      return [value.homePage, value.name];
  }
}

/** §3.1: If-Match / If-None-Match for every resource; a blind PUT over an existing profile is a conflict. */
function preconditionFailure(
  resource: DocumentResource,
  method: string,
  existing: StoredDocument | undefined,
  request: DocumentRequest,
): DocumentResult | null {
  if (request.ifMatch !== undefined && !(existing && etagMatches(request.ifMatch, existing.etag))) {
    return errorResult(412, existing ? 'If-Match does not match the current ETag' : 'If-Match given, but there is no document');
  }
  if (request.ifNoneMatch !== undefined && existing && etagMatches(request.ifNoneMatch, existing.etag)) {
    return errorResult(412, 'If-None-Match: the document exists');
  }
  const blind = request.ifMatch === undefined && request.ifNoneMatch === undefined;
  if (method === 'PUT' && resource !== 'state' && existing && blind) {
    return errorResult(409, 'The document exists: GET it and PUT again with If-Match set to its ETag (or If-None-Match: * to create only)');
  }
  return null;
}

/** An If-Match / If-None-Match list against our ETag; unquoted tags are accepted too (some clients send the bare SHA-1). */
function etagMatches(header: string, etag: string): boolean {
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag === etag || `"${tag}"` === etag);
}

function keyOf(doc: { context: string; registration: string | null; id: string | null }): string {
  return JSON.stringify([doc.context, doc.registration, doc.id]);
}

/** §3.1: the quoted, lower-case hex SHA-1 of the content. */
function etagOf(content: Buffer): string {
  return `"${createHash('sha1').update(content).digest('hex')}"`;
}

function isJsonType(contentType: string | undefined): boolean {
  return contentType?.split(';')[0].trim().toLowerCase() === 'application/json';
}

function jsonObject(content: Buffer): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(content.toString('utf8'));
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toBuffer(body: Buffer | string | undefined): Buffer {
  return typeof body === 'string' ? Buffer.from(body) : (body ?? Buffer.alloc(0));
}

function noContent(): DocumentResult {
  return { status: 204, headers: {}, body: Buffer.alloc(0) };
}

function errorResult(status: number, message: string): DocumentResult {
  return { status, headers: { 'Content-Type': 'application/json' }, body: Buffer.from(JSON.stringify({ message })) };
}
