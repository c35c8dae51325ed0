/**
 * Picks the tracker for the package being built. `__AK_FORMAT__` is replaced at build time,
 * so the minifier drops the adapters a package does not use.
 */
import type { Tracker, TrackingFormat } from '../tracking/tracker.js';
import { Scorm12Tracker } from '../tracking/scorm/scorm12-tracker.js';
import { Scorm2004Tracker } from '../tracking/scorm/scorm2004-tracker.js';
import { WebTracker } from '../tracking/web-tracker.js';

declare const __AK_FORMAT__: TrackingFormat;

export function createTracker(moduleId: string): Tracker {
  if (__AK_FORMAT__ === 'scorm12') return new Scorm12Tracker(moduleId);
  if (__AK_FORMAT__ === 'scorm2004') return new Scorm2004Tracker(moduleId);
  return new WebTracker(moduleId);
}
