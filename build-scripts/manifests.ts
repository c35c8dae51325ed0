/**
 * imsmanifest.xml for SCORM 1.2 and SCORM 2004 4th edition: one SCO, one self-contained page.
 * Shapes follow ../shared/standards.md A2 and A4; tests validate them with xmllint.
 */
import type { CompiledModule } from '../src/model/compiled.js';
import { objectiveUrn } from '../src/tracking/identifiers.js';
import { areaIri, moduleIri } from '../xapi/activities.js';
import { activityTypes } from '../xapi/vocabulary.js';

export const SCORM12_XSDS = ['imscp_rootv1p1p2.xsd', 'adlcp_rootv1p2.xsd', 'imsmd_rootv1p2p1.xsd', 'ims_xml.xsd'];
export const SCORM2004_XSDS = [
  'imscp_v1p1.xsd',
  'adlcp_v1p3.xsd',
  'adlseq_v1p3.xsd',
  'adlnav_v1p3.xsd',
  'imsss_v1p0.xsd',
  ...['auxresource', 'control', 'delivery', 'limit', 'objective', 'random', 'rollup', 'seqrule', 'util'].map(
    (part) => `imsss_v1p0${part}.xsd`,
  ),
  'xml.xsd',
  'datatypes.dtd',
  'XMLSchema.dtd',
];

export interface ManifestInput {
  module: CompiledModule;
  /** Plain-text title (the module's titles are HTML after the build's Markdown step). */
  title: string;
  /** Files in the package besides the manifest and XSDs, e.g. ["index.html"]. */
  files: string[];
}

/**
 * The manifest identifier stays the same across versions (the version is in @version), so an
 * LMS updates the course rather than adding a new one.
 */
function manifestId(module: CompiledModule): string {
  return `awareness-kit.${module.org ? `${module.org.id}.` : ''}${module.id}`.replace(/[^A-Za-z0-9._-]/g, '-');
}

export function scorm12Manifest({ module, title, files }: ManifestInput): string {
  const mastery = Math.round(module.passingScore * 100);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${manifestId(module)}" version="${xml(module.version)}"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org">
      <title>${xml(title)}</title>
      <item identifier="item" identifierref="sco" isvisible="true">
        <title>${xml(title)}</title>
        <adlcp:masteryscore>${mastery}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormtype="sco" href="index.html">
${files.map((f) => `      <file href="${xml(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

export function scorm2004Manifest({ module, title, files }: ManifestInput): string {
  const objectives = module.areas
    .map((a) => `            <imsss:objective objectiveID="${xml(objectiveUrn(a.id))}"/>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${manifestId(module)}" version="${xml(module.version)}"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="org">
    <organization identifier="org" adlseq:objectivesGlobalToSystem="false">
      <title>${xml(title)}</title>
      <item identifier="item" identifierref="sco">
        <title>${xml(title)}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="urn:awareness-kit:${xml(module.id)}:passed" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>${module.passingScore}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
${objectives}
          </imsss:objectives>
          <imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
        </imsss:sequencing>
        <adlnav:presentation>
          <adlnav:navigationInterface>
            <adlnav:hideLMSUI>previous</adlnav:hideLMSUI>
            <adlnav:hideLMSUI>continue</adlnav:hideLMSUI>
          </adlnav:navigationInterface>
        </adlnav:presentation>
      </item>
      <imsss:sequencing>
        <imsss:controlMode choice="true" flow="true"/>
      </imsss:sequencing>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco" type="webcontent" adlcp:scormType="sco" href="index.html">
${files.map((f) => `      <file href="${xml(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

/** Plain-text language maps of a module's texts (they are HTML after the Markdown step). */
export type PlainTexts = (html: string) => string;

function langs(text: { da: string; en?: string }, plain: PlainTexts): Array<[string, string]> {
  return text.en ? [['da', plain(text.da)], ['en', plain(text.en)]] : [['da', plain(text.da)]];
}

/**
 * tincan.xml (standards.md A6): the module is the one launchable activity; its competence
 * areas are listed too, so an LMS can show their names.
 */
export function tincanXml(module: CompiledModule, plain: PlainTexts): string {
  const named = (tag: string, text: { da: string; en?: string }) =>
    langs(text, plain).map(([lang, value]) => `      <${tag} lang="${lang}">${xml(value)}</${tag}>`).join('\n');
  const areas = module.areas
    .map((a) => `    <activity id="${xml(areaIri(a.id))}" type="${activityTypes.competenceArea}">
${named('name', a.title)}
${named('description', a.description)}
    </activity>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<tincan xmlns="http://projecttincan.com/tincan.xsd">
  <activities>
    <activity id="${xml(moduleIri(module.activityBase, module.id))}" type="${activityTypes.module}">
${named('name', module.title)}
${named('description', module.description)}
      <launch lang="da">index.html</launch>
    </activity>
${areas}
  </activities>
</tincan>
`;
}

/**
 * cmi5.xml (cmi5 §13–14): one course with one AU, moveOn CompletedAndPassed with the module's
 * passing score as masteryScore; the competence areas as the course's objectives.
 */
export function cmi5Xml(module: CompiledModule, plain: PlainTexts): string {
  const text = (tag: string, value: { da: string; en?: string }, indent: string) =>
    `${indent}<${tag}>\n${langs(value, plain).map(([lang, v]) => `${indent}  <langstring lang="${lang}">${xml(v)}</langstring>`).join('\n')}\n${indent}</${tag}>`;
  const au = moduleIri(module.activityBase, module.id);
  const objectives = module.areas
    .map((a) => `    <objective id="${xml(areaIri(a.id))}">\n${text('title', a.title, '      ')}\n${text('description', a.description, '      ')}\n    </objective>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${xml(au)}/course">
${text('title', module.title, '    ')}
${text('description', module.description, '    ')}
  </course>
  <objectives>
${objectives}
  </objectives>
  <au id="${xml(au)}" moveOn="CompletedAndPassed" masteryScore="${Number(module.passingScore.toFixed(4))}" launchMethod="AnyWindow">
${text('title', module.title, '    ')}
${text('description', module.description, '    ')}
    <objectives>
${module.areas.map((a) => `      <objective idref="${xml(areaIri(a.id))}"/>`).join('\n')}
    </objectives>
    <url>index.html</url>
  </au>
</courseStructure>
`;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
