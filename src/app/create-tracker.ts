/**
 * Picks the tracker for the package being built. `__AK_FORMAT__` is replaced at build time,
 * so the minifier drops the adapters a package does not use.
 */
import type { CompiledModule } from '../model/compiled.js';
import type { Tracker, TrackingFormat } from '../tracking/tracker.js';
import { Scorm12Tracker } from '../tracking/scorm/scorm12-tracker.js';
import { Scorm2004Tracker } from '../tracking/scorm/scorm2004-tracker.js';
import { WebTracker } from '../tracking/web-tracker.js';
import { TinCanTracker } from '../tracking/xapi/tincan-tracker.js';
import { Cmi5Tracker } from '../tracking/xapi/cmi5-tracker.js';
import { PreviewTracker } from './preview-tracker.js';
import type { XapiModuleInfo } from '../tracking/xapi/xapi-tracker.js';

/** 'preview': the live preview's runtime (npm start), see preview-tracker.ts. */
declare const __AK_FORMAT__: TrackingFormat | 'preview';

export function createTracker(module: CompiledModule): Tracker {
  if (__AK_FORMAT__ === 'scorm12') return new Scorm12Tracker(module.id);
  if (__AK_FORMAT__ === 'scorm2004') return new Scorm2004Tracker(module.id);
  if (__AK_FORMAT__ === 'preview') return new PreviewTracker(new Scorm2004Tracker(module.id), new TinCanTracker(xapiInfo(module)));
  if (__AK_FORMAT__ === 'xapi') return new TinCanTracker(xapiInfo(module));
  if (__AK_FORMAT__ === 'cmi5') return new Cmi5Tracker(xapiInfo(module));
  // A branded and an unbranded copy of a module on one site keep their progress apart.
  return new WebTracker(module.org ? `${module.org.id}.${module.id}` : module.id);
}

/** The module as the xAPI adapters see it: names and roles, no scenes. */
function xapiInfo(module: CompiledModule): XapiModuleInfo {
  return {
    id: module.id,
    version: module.version,
    activityBase: module.activityBase,
    title: plainTexts(module.title),
    description: plainTexts(module.description),
    roles: module.roles.map((id) => ({ id, title: plainTexts(module.roleTitles[id] ?? { da: id }) })),
  };
}

function plainTexts(text: { da: string; en?: string }): Record<string, string> {
  const plain = (html: string) => new DOMParser().parseFromString(html, 'text/html').body.textContent?.trim() ?? '';
  return text.en ? { da: plain(text.da), en: plain(text.en) } : { da: plain(text.da) };
}
