/**
 * Spot the signs: where a piece the learner can mark sits in a spot question's medium, written
 * `[[option-id]]`. One definition for the validator (build-scripts) and the component.
 */
export const SPOT_MARKER = /\[\[([a-z0-9]+(?:-[a-z0-9]+)*)\]\]/g;

/** Anything that looks like a marker, also a mistyped one, for the validator's messages. */
export const LOOSE_MARKER = /\[\[([^\][\s]*)\]\]/g;
