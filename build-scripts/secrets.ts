/**
 * A package goes to an LMS that anyone enrolled can download from: it must never carry LRS
 * credentials or tokens. They come from the launch (TinCan's auth parameter, cmi5's fetch URL)
 * and nowhere else. The build looks for them in every text file of every package and refuses,
 * saying where, with the secret itself left out of the message.
 */

/** What a credential looks like where it could slip into content or a build option. */
const PATTERNS: Array<{ what: string; test: (text: string) => boolean; descriptorsOnly?: boolean }> = [
  { what: 'a web address with a user name and password (https://user:password@…)', test: (t) => /\bhttps?:\/\/[^\s/:@"'<>()]+:[^\s/@"'<>()]+@/i.test(t) },
  // Only what decodes to "user:password": "Basic sikkerhedsforståelse" in a text is no credential.
  { what: 'an HTTP Basic credential ("Basic " and base64 of user:password)', test: (t) => [...t.matchAll(/\bbasic(?:\s|%20)+([A-Za-z0-9+/]{8,}={0,2})/gi)].some((m) => /^[^\x00-\x1f:]+:[^\x00-\x1f]+$/.test(Buffer.from(m[1], 'base64').toString('utf8'))) },
  { what: 'a bearer token ("Bearer …")', test: (t) => /\bbearer(?:\s|%20)+[A-Za-z0-9._~+/-]{16,}=*/i.test(t) },
  { what: 'a JSON Web Token', test: (t) => /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/.test(t) },
  // In a descriptor (manifest, tincan.xml, cmi5.xml) no address has any business carrying these; in content a
  // phishing mock may show a fake "…?token=" link.
  { what: 'a credential in a web address (auth=, token=, key=, secret=, password=)', descriptorsOnly: true, test: (t) => /[?&;](?:[a-z]+_)?(?:auth|token|key|secret|password)=[^&\s"'<>]{6,}/i.test(t) },
];
const DESCRIPTORS = /(^|\/)(imsmanifest\.xml|tincan\.xml|cmi5\.xml)$/;

/** Environment variables that hold LRS secrets on a machine that also builds. */
const SECRET_ENV = ['AK_LRS_PASSWORD', 'LRS_PASSWORD', 'AK_PSEUDONYM_KEY', 'AK_LRS_AUTH'];

export interface SecretFinding {
  file: string;
  what: string;
}

export function secretsIn(files: ReadonlyMap<string, string | Buffer>, env: NodeJS.ProcessEnv = process.env): SecretFinding[] {
  const envSecrets = SECRET_ENV.map((name) => ({ name, value: env[name] })).filter((s): s is { name: string; value: string } => !!s.value && s.value.length >= 6);
  const findings: SecretFinding[] = [];
  for (const [file, content] of files) {
    if (typeof content !== 'string') continue; // images and the like carry no typed-in secrets
    for (const { what, test, descriptorsOnly } of PATTERNS) if ((!descriptorsOnly || DESCRIPTORS.test(file)) && test(content)) findings.push({ file, what });
    for (const { name, value } of envSecrets) if (content.includes(value)) findings.push({ file, what: `the value of ${name} from the environment` });
  }
  return findings;
}

export function secretsMessage(packageName: string, findings: SecretFinding[]): string {
  return (
    `${packageName} would contain LRS credentials or a token, which anyone who can download the package could read:\n` +
    findings.map((f) => `  ${f.file}: ${f.what}`).join('\n') +
    `\nNo package was written. Credentials come only from the launch (the LMS gives them to the package); remove them from org.yaml, the module files or --activity-base.`
  );
}
