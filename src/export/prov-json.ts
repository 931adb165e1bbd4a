/**
 * W3C PROV-JSON export (W3C Member Submission "PROV-JSON", 2013) of the case file's provenance:
 * one named bundle per incident, so the document can be streamed an incident at a time; the
 * bundles are declared as entities of type prov:Bundle at the top level.
 *
 * In each incident's bundle (qualified names in the `corroborate:` namespace, `urn:corroborate:`):
 *  - entities: the incident; each report (sha256, title, url, published); each claim behind
 *    the incident (its content span as prov:value, cue, quote kind, hedges, offsets); and per
 *    source of the provenance graph an *account*: what that source reported of the incident;
 *  - agents: every source and outlet of the provenance graph (prov:Organization, prov:Person
 *    or a plain agent for anonymous ones; `corroborate:origin` true for independent origins),
 *    and corroborate itself (prov:SoftwareAgent with its version);
 *  - activities: the extraction of each report and the linking of the incident, associated
 *    with corroborate, each with its end time;
 *  - wasGeneratedBy / used: extraction used the report and generated its claims; linking used
 *    the claims (or the reports without claims) and generated the incident;
 *  - wasAttributedTo: report -> its outlet, claim -> its speaker, account -> its source;
 *  - wasDerivedFrom: claim <- report (by extraction); incident <- claims (by linking); a claim
 *    <- its speaker's account (prov:Quotation, i.e. wasQuotedFrom, for direct quotes); and for
 *    citations, the citer's account <- the cited source's account (and each of the citer's
 *    claims in that report <- the cited account), prov:PrimarySource (hadPrimarySource) when
 *    the cited source is an independent origin; the citation's evidence text is kept.
 *
 * Identifiers in PROV-JSON relations need ids: blank nodes `_:<incident>-<n>`.
 */
import type { ExportCitation, ExportClaim, ExportMention, ExportReport, IncidentSummary } from '../store/index.js';
import { effectiveRecord } from './incident-record.js';

export const PROV_NAMESPACE = 'urn:corroborate:';
export const PROV_PREFIX: Record<string, string> = {
  corroborate: PROV_NAMESPACE,
  xsd: 'http://www.w3.org/2001/XMLSchema#',
};

type Literal = string | number | boolean | { $: string; type?: string; lang?: string };
type Attrs = Record<string, Literal | Literal[]>;
export interface ProvBundle {
  entity: Record<string, Attrs>;
  agent: Record<string, Attrs>;
  activity: Record<string, Attrs>;
  wasGeneratedBy: Record<string, Attrs>;
  used: Record<string, Attrs>;
  wasAssociatedWith: Record<string, Attrs>;
  wasAttributedTo: Record<string, Attrs>;
  wasDerivedFrom: Record<string, Attrs>;
}
export interface ProvDocument extends Partial<ProvBundle> {
  prefix: Record<string, string>;
  bundle?: Record<string, ProvBundle>;
}

const qname = (q: string): Literal => ({ $: q, type: 'prov:QUALIFIED_NAME' });
const typed = (v: string, t: string): Literal => ({ $: v, type: t });
/**
 * A qualified name's local part: letters, digits, "_" and "-" only. PROV-N would need "/", ":"
 * and "." escaped in local names, so they are not used: the kinds are told apart by a prefix.
 */
const local = (s: string) => s.replace(/[^A-Za-z0-9_-]+/g, '-');
const hex = (reportId: string) => local(reportId.replace(/^sha256:/, ''));
const incNo = (incidentId: string) => local(incidentId.replace(/^incident:/, ''));

export const provIds = {
  incident: (id: string) => `corroborate:incident-${incNo(id)}`,
  bundle: (id: string) => `corroborate:bundle-incident-${incNo(id)}`,
  report: (id: string) => `corroborate:report-${hex(id)}`,
  claim: (reportId: string, claimId: string) => `corroborate:claim-${hex(reportId).slice(0, 16)}-${local(claimId.replace(/^claim:/, ''))}`,
  /** a provenance-graph node ("src:x", "outlet:y") as an agent */
  agent: (nodeId: string) => `corroborate:${local(nodeId.replace(/^src:/, 'source:'))}`,
  account: (nodeId: string, incidentId: string) => `corroborate:account-${incNo(incidentId)}-${local(nodeId.replace(/^src:/, 'source:'))}`,
  extraction: (reportId: string) => `corroborate:extraction-${hex(reportId)}`,
  linking: (incidentId: string) => `corroborate:linking-${incNo(incidentId)}`,
  software: (version: string) => `corroborate:software-${local(version)}`,
};

const AGENT_TYPE: Record<string, string> = {
  media: 'prov:Organization', organisation: 'prov:Organization', government: 'prov:Organization',
  armed_group: 'prov:Organization', person: 'prov:Person',
};

export interface ProvContext {
  mentions: readonly ExportMention[];
  reports: ReadonlyMap<string, ExportReport>;
  claims: readonly ExportClaim[];
  citations: readonly ExportCitation[];
  updatedAt?: string | null;
  /** 'corroborate@0.1.0' */
  software: string;
}


export function emptyBundle(): ProvBundle {
  return { entity: {}, agent: {}, activity: {}, wasGeneratedBy: {}, used: {}, wasAssociatedWith: {}, wasAttributedTo: {}, wasDerivedFrom: {} };
}

/** The provenance of one incident as a PROV-JSON bundle. */
export function incidentProvBundle(s: IncidentSummary, ctx: ProvContext): ProvBundle {
  const r = effectiveRecord(s);
  const b = emptyBundle();
  const tag = local(s.id.replace(/^incident:/, 'i'));
  let n = 0;
  const rel = (section: keyof ProvBundle, attrs: Attrs) => {
    b[section][`_:${tag}-${++n}`] = attrs;
  };
  const incident = provIds.incident(s.id);
  const linking = provIds.linking(s.id);
  const software = provIds.software(ctx.software);
  const nodes = new Map((r.provenance?.nodes ?? []).map((x) => [x.id, x]));
  const origins = new Set(r.origins ?? []);

  // the incident
  const loc = r.location ?? null;
  const inc: Attrs = {
    'prov:type': qname('corroborate:Incident'),
    'prov:label': [r.type ?? s.type ?? 'incident', loc?.name ? `in ${loc.name}` : '', r.date?.start ? `on ${r.date.start}` : ''].filter(Boolean).join(' '),
    'corroborate:id': s.id,
  };
  if (r.type ?? s.type) inc['corroborate:incidentType'] = (r.type ?? s.type)!;
  if (r.date?.start) inc['corroborate:dateStart'] = typed(r.date.start, 'xsd:date');
  if (r.date?.end) inc['corroborate:dateEnd'] = typed(r.date.end, 'xsd:date');
  if (loc?.name) inc['corroborate:place'] = [loc.name, loc.admin1, loc.country].filter(Boolean).join(', ');
  if (typeof loc?.lat === 'number' && typeof loc?.lon === 'number') {
    inc['corroborate:latitude'] = loc.lat;
    inc['corroborate:longitude'] = loc.lon;
  }
  for (const k of ['killed', 'injured'] as const) {
    const c = r[k];
    if (c) {
      inc[`corroborate:${k}Min`] = c.min;
      // no upper bound stated: no max, and said so (an absent max alone could be a gap)
      if (c.max === null || c.max === undefined) inc[`corroborate:${k}MaxOpen`] = true;
      else inc[`corroborate:${k}Max`] = c.max;
      if (c.approximate) inc[`corroborate:${k}Approximate`] = true;
    }
  }
  if (r.provenance?.summary) inc['corroborate:independence'] = r.provenance.summary;
  const contra = [...new Set((r.contradictions ?? []).map((c) => c.field))];
  if (contra.length) inc['corroborate:contradiction'] = contra;
  b.entity[incident] = inc;

  // corroborate, linking
  b.agent[software] = { 'prov:type': qname('prov:SoftwareAgent'), 'prov:label': ctx.software };
  b.activity[linking] = { 'prov:type': qname('corroborate:Linking'), 'prov:label': `linking of ${s.id}`, ...(ctx.updatedAt ? { 'prov:endTime': ctx.updatedAt } : {}) };
  rel('wasAssociatedWith', { 'prov:activity': linking, 'prov:agent': software });
  rel('wasGeneratedBy', { 'prov:entity': incident, 'prov:activity': linking, ...(ctx.updatedAt ? { 'prov:time': ctx.updatedAt } : {}) });

  // sources and outlets as agents, each with its account of the incident
  for (const node of nodes.values()) {
    const agent = provIds.agent(node.id);
    const a: Attrs = { 'prov:label': node.name, 'corroborate:kind': node.kind, 'corroborate:origin': origins.has(node.id), 'corroborate:id': node.id };
    if (AGENT_TYPE[node.kind]) a['prov:type'] = qname(AGENT_TYPE[node.kind]);
    b.agent[agent] = a;
    const account = provIds.account(node.id, s.id);
    b.entity[account] = { 'prov:type': qname('corroborate:Account'), 'prov:label': `what ${node.name} reported of ${s.id}` };
    rel('wasAttributedTo', { 'prov:entity': account, 'prov:agent': agent });
  }
  // the collapsed citation graph: X relies on Y
  for (const e of r.provenance?.edges ?? []) {
    if (!nodes.has(e.from) || !nodes.has(e.to)) continue;
    const d: Attrs = { 'prov:generatedEntity': provIds.account(e.from, s.id), 'prov:usedEntity': provIds.account(e.to, s.id) };
    if (origins.has(e.to)) d['prov:type'] = qname('prov:PrimarySource');
    if (e.evidence[0]) d['corroborate:evidence'] = e.evidence[0];
    rel('wasDerivedFrom', d);
  }

  // reports, their extraction, their claims
  const mentions = ctx.mentions.filter((m) => m.incidentId === s.id);
  const reportIds = [...new Set(mentions.map((m) => m.reportId))];
  const claimsOf = new Map<string, ExportClaim[]>();
  for (const c of ctx.claims) {
    const list = claimsOf.get(c.reportId) ?? [];
    list.push(c);
    claimsOf.set(c.reportId, list);
  }
  for (const rid of reportIds) {
    const rep = ctx.reports.get(rid);
    const report = provIds.report(rid);
    const extraction = provIds.extraction(rid);
    const ra: Attrs = { 'prov:type': qname('corroborate:Report'), 'corroborate:sha256': rid.replace(/^sha256:/, '') };
    if (rep?.title) ra['prov:label'] = rep.title;
    if (rep?.url) ra['corroborate:url'] = typed(rep.url, 'xsd:anyURI');
    if (rep?.published) ra['corroborate:published'] = typed(rep.published, 'xsd:date');
    if (rep?.externalId) ra['corroborate:externalId'] = rep.externalId;
    if (rep) ra['corroborate:bytes'] = rep.byteSize;
    b.entity[report] = ra;
    const outletNode = r.provenance?.reports?.[rid]?.outlet;
    if (outletNode && nodes.has(outletNode)) rel('wasAttributedTo', { 'prov:entity': report, 'prov:agent': provIds.agent(outletNode) });
    if (!b.activity[extraction]) {
      b.activity[extraction] = { 'prov:type': qname('corroborate:Extraction'), 'prov:label': `extraction of ${rid.slice(0, 19)}`, ...(rep?.extractedAt ? { 'prov:endTime': rep.extractedAt } : {}), ...(rep?.extractorVersion ? { 'corroborate:extractor': rep.extractorVersion } : {}) };
      rel('used', { 'prov:activity': extraction, 'prov:entity': report });
      rel('wasAssociatedWith', { 'prov:activity': extraction, 'prov:agent': software });
    }
    // who stands for a report-local source: its canonical source when that is in the graph, else the outlet
    const nodeOf = (canonical: string | null | undefined) => (canonical && nodes.has(canonical) ? canonical : outletNode && nodes.has(outletNode) ? outletNode : null);
    const wantedClaims = new Set(mentions.filter((m) => m.reportId === rid).flatMap((m) => m.claims));
    const claims = (claimsOf.get(rid) ?? []).filter((c) => wantedClaims.has(c.id));
    for (const c of claims) {
      const claim = provIds.claim(rid, c.id);
      const ca: Attrs = {
        'prov:type': qname('corroborate:Claim'),
        'prov:value': c.content.text,
        'corroborate:start': c.content.start,
        'corroborate:end': c.content.end,
        'corroborate:quote': c.quote,
      };
      if (c.cue?.text) ca['corroborate:cue'] = c.cue.text;
      if (c.sourceName) ca['corroborate:speaker'] = c.sourceName;
      if (c.hedges.length) ca['corroborate:hedge'] = c.hedges;
      b.entity[claim] = ca;
      rel('wasGeneratedBy', { 'prov:entity': claim, 'prov:activity': extraction });
      rel('wasDerivedFrom', { 'prov:generatedEntity': claim, 'prov:usedEntity': report, 'prov:activity': extraction });
      rel('used', { 'prov:activity': linking, 'prov:entity': claim });
      rel('wasDerivedFrom', { 'prov:generatedEntity': incident, 'prov:usedEntity': claim, 'prov:activity': linking });
      const speaker = nodeOf(c.sourceId);
      if (speaker) {
        rel('wasAttributedTo', { 'prov:entity': claim, 'prov:agent': provIds.agent(speaker) });
        const q: Attrs = { 'prov:generatedEntity': claim, 'prov:usedEntity': provIds.account(speaker, s.id) };
        if (c.quote === 'direct' || c.quote === 'mixed') q['prov:type'] = qname('prov:Quotation');
        rel('wasDerivedFrom', q);
      }
    }
    if (!claims.length) {
      rel('used', { 'prov:activity': linking, 'prov:entity': report });
      rel('wasDerivedFrom', { 'prov:generatedEntity': incident, 'prov:usedEntity': report, 'prov:activity': linking });
    }
    // citations in this report: the citer's claims rest on the cited source's account
    for (const ci of ctx.citations) {
      if (ci.reportId !== rid) continue;
      const from = ci.from === 'report' ? (outletNode && nodes.has(outletNode) ? outletNode : null) : nodeOf(ci.fromId);
      const to = nodeOf(ci.toId);
      if (!from || !to || from === to) continue;
      const cited = provIds.account(to, s.id);
      for (const c of claims) {
        if (nodeOf(c.sourceId) !== from) continue;
        const d: Attrs = { 'prov:generatedEntity': provIds.claim(rid, c.id), 'prov:usedEntity': cited, 'corroborate:evidence': ci.evidence.text };
        if (origins.has(to)) d['prov:type'] = qname('prov:PrimarySource');
        rel('wasDerivedFrom', d);
      }
    }
  }
  return b;
}

/** The streamed document's pieces: head, one `"<bundle id>": {...}` per incident, tail. */
export function provHead(): string {
  return `{"prefix":${JSON.stringify(PROV_PREFIX)},"bundle":{\n`;
}

export function provBundleEntry(s: IncidentSummary, bundle: ProvBundle): string {
  return `${JSON.stringify(provIds.bundle(s.id))}:${JSON.stringify(pruneEmpty(bundle))}`;
}

/** Closes the bundles and declares each as an entity of type prov:Bundle. */
export function provTail(incidentIds: readonly string[], software: string): string {
  const entity: Record<string, Attrs> = {};
  for (const id of incidentIds) entity[provIds.bundle(id)] = { 'prov:type': qname('prov:Bundle'), 'prov:label': `provenance of ${id}` };
  const agent = { [provIds.software(software)]: { 'prov:type': qname('prov:SoftwareAgent'), 'prov:label': software } };
  const attributed: Record<string, Attrs> = {};
  incidentIds.forEach((id, i) => {
    attributed[`_:bundle-${i + 1}`] = { 'prov:entity': provIds.bundle(id), 'prov:agent': provIds.software(software) };
  });
  return `\n},"entity":${JSON.stringify(entity)},"agent":${JSON.stringify(agent)},"wasAttributedTo":${JSON.stringify(attributed)}}\n`;
}

/** A whole document (for small sets and tests; the export job streams instead). */
export function provDocument(items: readonly { summary: IncidentSummary; bundle: ProvBundle }[], software: string): ProvDocument {
  const text = provHead() + items.map((x) => provBundleEntry(x.summary, x.bundle)).join(',\n') + provTail(items.map((x) => x.summary.id), software);
  return JSON.parse(text) as ProvDocument;
}

function pruneEmpty(b: ProvBundle): Partial<ProvBundle> {
  return Object.fromEntries(Object.entries(b).filter(([, v]) => Object.keys(v).length > 0)) as Partial<ProvBundle>;
}
