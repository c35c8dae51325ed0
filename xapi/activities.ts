/**
 * Activity IRIs and definitions. Modules, their scenes and questions, and the curriculum are
 * the organisation's activities and live under its activity base. The competence framework
 * (areas and roles) is shared by every organisation, so it lives in our vocabulary namespace:
 * the same area has the same IRI in every municipality's LRS.
 */
import { activityTypes, DEFAULT_ACTIVITY_BASE, extensions, PROFILE_VERSION, VOCABULARY } from './vocabulary.js';
import type { Activity, LanguageMap } from './types.js';

/** An activity base must be an absolute http(s) IRI; a trailing slash is dropped. */
export function activityBase(base: string = DEFAULT_ACTIVITY_BASE): string {
  const trimmed = base.replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/.test(trimmed)) {
    throw new Error(`activity base "${base}" is not an absolute http(s) IRI without query or fragment, e.g. https://kommune.dk/xapi`);
  }
  return trimmed;
}

export const moduleIri = (base: string, moduleId: string) => `${base}/modules/${moduleId}`;
export const sceneIri = (moduleActivity: string, sceneId: string) => `${moduleActivity}/scenes/${sceneId}`;
export const interactionIri = (moduleActivity: string, sceneId: string) => `${moduleActivity}/interactions/${sceneId}`;
export const curriculumIri = (base: string) => `${base}/curriculum`;
export const areaIri = (areaId: string) => `${VOCABULARY}/competences/${areaId}`;
export const roleIri = (role: string) => `${VOCABULARY}/roles/${role}`;

export function areaActivity(areaId: string, title: LanguageMap, description?: LanguageMap): Activity {
  return {
    objectType: 'Activity',
    id: areaIri(areaId),
    definition: { type: activityTypes.competenceArea, name: title, ...(description ? { description } : {}) },
  };
}

export function roleActivity(role: string, title: LanguageMap): Activity {
  return { objectType: 'Activity', id: roleIri(role), definition: { type: activityTypes.role, name: title } };
}

export function curriculumActivity(base: string): Activity {
  return {
    objectType: 'Activity',
    id: curriculumIri(base),
    definition: { type: activityTypes.curriculum, name: { da: 'Awareness-kit: informationssikkerhed', en: 'Awareness-kit: information security' } },
  };
}

export function moduleActivity(id: string, name: LanguageMap, description: LanguageMap): Activity {
  return { objectType: 'Activity', id, definition: { type: activityTypes.module, name, description } };
}

export function sceneActivity(moduleActivityId: string, sceneId: string, sceneType: string, name: LanguageMap): Activity {
  return {
    objectType: 'Activity',
    id: sceneIri(moduleActivityId, sceneId),
    definition: { type: activityTypes.scene, name, extensions: { [extensions.sceneType]: sceneType } },
  };
}

/** The category activity that says which profile a statement follows. */
export const profileActivity: Activity = {
  objectType: 'Activity',
  id: PROFILE_VERSION,
  definition: { type: activityTypes.profile },
};
