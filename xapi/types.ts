/** The parts of xAPI 1.0.3 statements that Awareness-kit writes (xAPI-Data.md §2.4). */

export type LanguageMap = Record<string, string>;

export interface Account {
  homePage: string;
  name: string;
}

/** An Agent with exactly one inverse functional identifier. */
export interface Agent {
  objectType?: 'Agent';
  name?: string;
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: Account;
}

export interface InteractionComponent {
  id: string;
  description: LanguageMap;
}

export interface ActivityDefinition {
  type?: string;
  name?: LanguageMap;
  description?: LanguageMap;
  interactionType?: 'choice' | 'true-false';
  correctResponsesPattern?: string[];
  choices?: InteractionComponent[];
  extensions?: Record<string, unknown>;
}

export interface Activity {
  objectType?: 'Activity';
  id: string;
  definition?: ActivityDefinition;
}

export interface Score {
  scaled?: number;
  raw?: number;
  min?: number;
  max?: number;
}

export interface Result {
  score?: Score;
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
  extensions?: Record<string, unknown>;
}

export interface ContextActivities {
  parent?: Activity[];
  grouping?: Activity[];
  category?: Activity[];
  other?: Activity[];
}

export interface Context {
  registration?: string;
  contextActivities?: ContextActivities;
  language?: string;
  platform?: string;
  extensions?: Record<string, unknown>;
}

export interface Verb {
  id: string;
  display: LanguageMap;
}

export interface Statement {
  id: string;
  actor: Agent;
  verb: Verb;
  object: Activity;
  result?: Result;
  context?: Context;
  timestamp: string;
}
