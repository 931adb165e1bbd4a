import { describe, expect, it } from 'vitest';
import { analyse } from '../src/nlp/analyse.js';
import { extractReport } from '../src/extract/index.js';
import { extractAttribution } from '../src/extract/attribution.js';
import { abbreviates, acronymsOf, nameOf } from '../src/extract/sources.js';
import { findHedges } from '../src/extract/hedges.js';
import { findQuotes } from '../src/extract/claims-quotes.js';

const MONITOR_REPORT = `Militia Commander Accused Of Killing Shepherd Near Tal Afar

According to the Daily Sentinel, a militia commander named Omar Fadel has reportedly shot dead a shepherd outside the village of Kharaba. The killing was first reported by a Mosul-based monitoring network known as Nineveh is Watching Everyone (NIWE). The victim, who was allegedly unarmed, was buried the same day.

The network was cited by Iraqi publication IraqCCP in a statement, which stated as follows.

“The monitors of the Iraqi Center for Civilian Protection documented the killing of a shepherd near Tal Afar on Monday, the monitors of the Center were informed by local and other trusted sources that the man was 60 years old, all sources confirmed to the monitors that he was shot at close range.”

It remains unclear whether the commander acted on orders. Hundreds of villagers attended the funeral, a Reuters report added. The militia seems to be expanding its checkpoints.

Police Chief Daniel Harper told reporters that an investigation had been opened. “We will find those responsible,” Harper said. “Nobody is above the law.” He added that two suspects were questioned.

[Image via the Daily Sentinel]`;

/** Each text's first claim has this cue and this content. */
function expectFirstClaims(cases: Array<[text: string, cue: string, content: string]>) {
  for (const [t, cue, content] of cases) {
    const c = run(t).claims[0];
    expect(c?.cue?.text, t).toBe(cue);
    expect(c.content.text, t).toBe(content);
  }
}

function run(text: string) {
  const att = extractAttribution(analyse(text));
  const byName = (name: string) => att.sources.find(s => s.name === name);
  return { ...att, byName };
}

describe('extractAttribution on a monitor-style report', () => {
  const att = run(MONITOR_REPORT);
  const text = MONITOR_REPORT;

  it('keeps every span aligned with the text', () => {
    for (const c of att.claims) {
      for (const s of [c.sourceSpan, c.cue, c.content, ...c.hedges]) if (s) expect(text.slice(s.start, s.end)).toBe(s.text);
    }
    for (const c of att.citations) expect(text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.text);
  });

  it('finds the outlets, the monitors and the anonymous sources with kinds and aliases', () => {
    expect(att.byName('Daily Sentinel')?.kind).toBe('media');
    const niwe = att.byName('Nineveh is Watching Everyone');
    expect(niwe?.kind).toBe('organisation');
    expect(niwe?.aliases).toEqual(expect.arrayContaining(['NIWE', 'NWE']));
    const iccp = att.byName('Iraqi Center for Civilian Protection');
    expect(iccp?.kind).toBe('organisation');
    expect(iccp?.aliases).toEqual(expect.arrayContaining(['IraqCCP', 'ICCP', 'the Center']));
    expect(att.byName('Reuters')?.kind).toBe('media');
    expect(att.byName('local and other trusted sources')?.kind).toBe('anonymous');
    expect(att.byName('Daniel Harper')?.kind).toBe('person');
    expect(new Set(att.sources.map(s => s.id)).size).toBe(att.sources.length);
    for (const s of att.sources) expect(s.id).toMatch(/^src:[a-z0-9-]+$/);
  });

  it('reads "according to X" with its hedge', () => {
    const c = att.claims.find(c => c.cue?.text === 'According to')!;
    expect(c.sourceSpan?.text).toBe('the Daily Sentinel');
    expect(c.source).toBe(att.byName('Daily Sentinel')!.id);
    expect(c.content.text.startsWith('a militia commander named Omar Fadel')).toBe(true);
    expect(c.content.text.endsWith('village of Kharaba')).toBe(true);
    expect(c.quote).toBe('indirect');
    expect(c.hedges.map(h => h.text)).toEqual(['reportedly']);
  });

  it('reads "first reported by X" and "a Reuters report added"', () => {
    const first = att.claims.find(c => c.cue?.text === 'was first reported by')!;
    expect(first.source).toBe(att.byName('Nineveh is Watching Everyone')!.id);
    expect(first.content.text).toBe('The killing');
    const added = att.claims.find(c => c.cue?.text === 'added' && c.sourceSpan?.text === 'a Reuters report')!;
    expect(added.content.text).toBe('Hundreds of villagers attended the funeral');
    expect(added.source).toBe(att.byName('Reuters')!.id);
  });

  it('takes the quoted statement after "as follows" as a direct quote of the monitor', () => {
    const c = att.claims.find(c => c.cue?.text === 'stated as follows')!;
    expect(c.source).toBe(att.byName('Iraqi Center for Civilian Protection')!.id);
    expect(c.quote).toBe('direct');
    expect(c.content.text.startsWith('“The monitors')).toBe(true);
    expect(c.content.text.endsWith('close range.”')).toBe(true);
  });

  it('nests the anonymous sources inside the monitor quote', () => {
    const outer = att.claims.find(c => c.cue?.text === 'stated as follows')!;
    const inner = att.claims.find(c => c.sourceSpan?.text === 'local and other trusted sources')!;
    expect(inner.via).toBe(outer.id);
    expect(inner.cue?.text).toBe('were informed by');
    expect(inner.content.text).toBe('that the man was 60 years old');
    const anon = att.byName('local and other trusted sources')!.id;
    expect(att.citations).toContainEqual(expect.objectContaining({ from: outer.source, to: anon }));
    // "all sources" refers back to the same anonymous source
    const all = att.claims.find(c => c.sourceSpan?.text === 'all sources')!;
    expect(all.source).toBe(anon);
  });

  it('cites: report → outlets, monitor → activists ("was cited by"), credit line', () => {
    const id = (n: string) => att.byName(n)!.id;
    expect(att.citations).toContainEqual(expect.objectContaining({ from: 'report', to: id('Daily Sentinel') }));
    expect(att.citations).toContainEqual(expect.objectContaining({ from: 'report', to: id('Reuters') }));
    expect(att.citations).toContainEqual(expect.objectContaining({ from: id('Iraqi Center for Civilian Protection'), to: id('Nineveh is Watching Everyone') }));
    expect(att.citations.some(c => c.from === id('Nineveh is Watching Everyone'))).toBe(false);
  });

  it('resolves surnames and pronouns to the named official, and joins a continued quote', () => {
    const harper = att.byName('Daniel Harper')!;
    const said = att.claims.find(c => c.sourceSpan?.text === 'Harper')!;
    expect(said.source).toBe(harper.id);
    expect(said.quote).toBe('direct');
    expect(said.content.text).toBe('“We will find those responsible,” Harper said. “Nobody is above the law.”');
    const he = att.claims.find(c => c.sourceSpan?.text === 'He')!;
    expect(he.source).toBe(harper.id);
    expect(he.content.text).toBe('that two suspects were questioned');
    const told = att.claims.find(c => c.cue?.text === 'told')!;
    expect(told.content.text).toBe('that an investigation had been opened');
  });

  it('captures every hedge, own-voice ones as claims without a source', () => {
    const all = att.claims.flatMap(c => c.hedges.map(h => h.text));
    expect(all).toEqual(expect.arrayContaining(['reportedly', 'allegedly', 'It remains unclear', 'seems to']));
    expect(all.length).toBe(findHedges(text).length);
    const own = att.claims.find(c => c.hedges.some(h => h.text === 'It remains unclear'))!;
    expect(own.source).toBeNull();
    expect(own.cue).toBeNull();
    expect(own.quote).toBe('none');
    expect(own.content.text).toBe('It remains unclear whether the commander acted on orders.');
  });
});

describe('attribution patterns', () => {
  it('reads inverted and post-posed speakers with appositives', () => {
    const a = run('"The road is closed," said Amina Yusuf, a spokeswoman for the governor. The clinic was full, two doctors said.');
    const inv = a.claims.find(c => c.cue?.text === 'said' && c.sourceSpan?.text.startsWith('Amina'))!;
    expect(inv.sourceSpan!.text).toBe('Amina Yusuf, a spokeswoman for the governor');
    expect(inv.content.text).toBe('"The road is closed,"');
    expect(inv.quote).toBe('direct');
    const post = a.claims.find(c => c.sourceSpan?.text === 'two doctors')!;
    expect(post.content.text).toBe('The clinic was full');
    expect(post.quote).toBe('indirect');
  });

  it('reads "X, citing Y" as a citation and a preposed appositive source', () => {
    const a = run('The Kivu Herald, citing hospital staff, said that nine people died. Jean Bosco, the local mayor, said the curfew would stay.');
    const herald = a.sources.find(s => s.name === 'Kivu Herald')!;
    const staff = a.sources.find(s => s.name === 'hospital staff')!;
    expect(herald.kind).toBe('media');
    expect(a.citations).toContainEqual(expect.objectContaining({ from: herald.id, to: staff.id }));
    const mayor = a.claims.find(c => c.sourceSpan?.text === 'Jean Bosco, the local mayor,')!;
    expect(mayor.content.text).toBe('the curfew would stay');
  });

  it('resolves "they" to a group and keeps "they say" as a hedge of that claim', () => {
    const a = run('The Taliban released a video of two men who they say were spies.');
    const c = a.claims.find(c => c.sourceSpan?.text === 'they')!;
    expect(a.sources.find(s => s.id === c.source)?.kind).toBe('armed_group');
    expect(c.hedges.map(h => h.text)).toEqual(['they say']);
  });

  it('drops first-person rhetoric inside a quote but keeps the quote', () => {
    const a = run('“I think they will come back,” the farmer said.');
    expect(a.claims.filter(c => c.cue).map(c => c.cue!.text)).toEqual(['said']);
  });

  it('handles empty, unquoted and unbalanced input without throwing', () => {
    expect(run('')).toMatchObject({ sources: [], claims: [], citations: [] });
    expect(run('The market reopened on Sunday.').claims).toEqual([]);
    const odd = run('He said “this never closes. And then they left, officials said.');
    for (const c of odd.claims) expect(c.content.end).toBeGreaterThan(c.content.start);
  });
});

describe('citing phrases inside a clause', () => {
  /** The citation from the source named `from` to the one named `to`, if any. */
  const citation = (a: ReturnType<typeof run>, from: string, to: string) => {
    const f = a.byName(from), t = a.byName(to);
    return f && t ? a.citations.find(c => c.from === f.id && c.to === t.id) : undefined;
  };

  it('"X said on Tuesday, citing Y, that ...": X cites Y, and the content skips the citing phrase', () => {
    const a = run('The Observatory said on Tuesday, citing activists in the town, that four people were killed.');
    expect(citation(a, 'Observatory', 'activists')).toBeDefined();
    expect(a.sources.map(s => s.name)).not.toContain('Tuesday');
    const c = a.claims.find(c => c.cue?.text === 'said')!;
    expect(a.sources.find(s => s.id === c.source)?.name).toBe('Observatory');
    expect(c.content.text).toBe('that four people were killed');
  });

  it('"X reported the toll, citing Y": the subject cites, not the object before the comma', () => {
    const a = run('Reuters reported the toll, citing hospital officials.');
    expect(citation(a, 'Reuters', 'hospital officials')).toBeDefined();
    expect(a.sources.map(s => s.name)).not.toContain('toll');
  });

  it('"X, quoting Y, said ...": X is the speaker and cites Y; "quoting" is no cue', () => {
    const a = run('The state news agency SANA, quoting a police source, said a car bomb exploded near the bus station.');
    const c = a.claims.find(c => c.cue?.text === 'said')!;
    expect(a.sources.find(s => s.id === c.source)?.name).toMatch(/SANA/);
    expect(c.content.text).toBe('a car bomb exploded near the bus station');
    expect(a.claims.some(c => c.cue?.text === 'quoting')).toBe(false);
    expect(a.citations).toContainEqual(expect.objectContaining({ from: c.source, to: a.byName('police source')!.id }));
  });

  it('"X, citing Y on the ground, said ...": the subject is found across a long citing phrase', () => {
    const a = run('The monitoring group, citing its network of sources on the ground, said 12 fighters died in the clashes.');
    const c = a.claims.find(c => c.cue?.text === 'said')!;
    expect(c.sourceSpan?.text).toBe('The monitoring group');
    expect(c.content.text).toBe('12 fighters died in the clashes');
    expect(a.citations.some(x => x.from === c.source && x.to !== 'report')).toBe(true);
  });

  it('"..., the Observatory said, citing activists." after the content', () => {
    const a = run('Five people were killed in the market, the Observatory said, citing activists.');
    expect(citation(a, 'Observatory', 'activists')).toBeDefined();
    expect(a.claims.find(c => c.cue?.text === 'said')!.content.text).toBe('Five people were killed in the market');
  });

  it('"based on information from Y" is a citation', () => {
    const a = run('The agency said, based on information from local residents, that two children were among the dead.');
    expect(citation(a, 'agency', 'local residents')).toBeDefined();
    expect(a.claims.find(c => c.cue?.text === 'said')!.content.text).toBe('that two children were among the dead');
  });

  it('"according to X, cited by Y": Y cites X, and the report cites X', () => {
    const a = run('Four civilians died in the raid, according to the Observatory, cited by Agence France-Presse.');
    expect(citation(a, 'Agence France-Presse', 'Observatory')).toBeDefined();
    expect(a.citations).toContainEqual(expect.objectContaining({ from: 'report', to: a.byName('Observatory')!.id }));
  });

  it('"the monitor" after "X said, citing Y" still means X, the speaker', () => {
    const a = run('Four civilians were killed in the market, the Syrian Observatory for Human Rights said, citing the Maskanah Coordination Committee.\n\nThe monitor said the market was crowded when the strike hit.');
    const sohr = a.byName('Syrian Observatory for Human Rights')!;
    const c = a.claims.find(c => c.sourceSpan?.text === 'The monitor')!;
    expect(c.source).toBe(sohr.id);
    expect(citation(a, 'Syrian Observatory for Human Rights', 'Maskanah Coordination Committee')).toBeDefined();
    expect(a.citations.some(x => x.from === 'report' && x.to === a.byName('Maskanah Coordination Committee')!.id)).toBe(false);
  });

  it('a citing phrase with nothing to cite is ignored, and evidence spans stay aligned', () => {
    const text = 'Citing nothing, the council adjourned. The ministry said, citing, that the road was closed.';
    const a = run(text);
    for (const c of a.citations) expect(text.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.text);
    expect(a.citations.every(c => c.from === 'report')).toBe(true);
  });
});

describe('phrases that are not sources', () => {
  it('a negated subject ("No group", "No one", "Nobody", "None of") is no source', () => {
    for (const t of ['No group claimed responsibility for the attack.', 'No one has claimed the bombing.',
      'Nobody said a word about the shelling.', 'None of the factions commented on the ceasefire.']) {
      const a = run(t);
      expect(a.sources, t).toEqual([]);
      expect(a.claims, t).toEqual([]);
    }
  });

  it('a negated content is still attributed to its speaker', () => {
    const a = run('No one was hurt in the blast, police said.');
    expect(a.sources.map(s => s.name)).toEqual(['police']);
    expect(a.claims[0].content.text).toBe('No one was hurt in the blast');
  });

  it('a count of victims after the speaker is content: "the SOHR said four civilians were killed"', () => {
    for (const t of ['The SOHR said four civilians were killed.', 'According to the SOHR four civilians were killed.',
      'The SOHR, citing its sources, said four civilians were killed.']) {
      const a = run(t);
      expect(a.sources.map(s => s.name), t).toContain('SOHR');
      expect(a.sources.some(s => /civilians|four/i.test(s.name)), t).toBe(false);
      const c = a.claims.find(c => c.source === a.byName('SOHR')!.id)!;
      expect(c.content.text, t).toMatch(/^four civilians were killed$/);
    }
  });

  it('a count before a cue is still a speaker when nothing else is: "Three policemen said ..."', () => {
    const a = run('Three policemen said they saw the gunman.');
    expect(a.claims[0].sourceSpan?.text).toBe('Three policemen');
  });
});

describe('source names and acronyms', () => {
  it('makes acronyms of all and of content words', () => {
    expect(acronymsOf('Nineveh is Watching Everyone')).toEqual(['NIWE', 'NWE']);
    expect(acronymsOf('CNN')).toEqual([]);
  });
  it('matches acronyms and handles made of word prefixes', () => {
    expect(abbreviates('IraqCCP', 'Iraqi Center for Civilian Protection')).toBe(true);
    expect(abbreviates('ICCP', 'Iraqi Center for Civilian Protection')).toBe(true);
    expect(abbreviates('ICP', 'Iraqi Center for Civilian Protection')).toBe(false);
    expect(abbreviates('BBC', 'Iraqi Center for Civilian Protection')).toBe(false);
    expect(abbreviates('Iraq', 'Iraqi Center')).toBe(false);
  });
  it('takes the name out of a description', () => {
    expect(nameOf('a Mosul-based monitoring network known as Nineveh is Watching Everyone (NIWE)')).toMatchObject({ name: 'Nineveh is Watching Everyone', acronyms: ['NIWE'] });
    expect(nameOf('a Reuters report').name).toBe('Reuters');
    expect(nameOf('the Times of Malta').name).toBe('Times of Malta');
    expect(nameOf('Iraqi publication IraqCCP').name).toBe('IraqCCP');
  });
});

describe('quotes and hedges', () => {
  it('pairs curly, straight and doubled quotes and ignores unclosed ones', () => {
    const q = findQuotes('“a” and "b" and \'\'c\'\' and “open\nnext');
    expect(q.regions.map(r => [r.start, r.end])).toEqual([[0, 3], [8, 11], [16, 21]]);
  });
  it('finds hedge phrases case-insensitively at word boundaries', () => {
    expect(findHedges('It is believed to be him. Reportedly, nothing. Unreported cases.').map(h => h.text)).toEqual(['It is believed', 'Reportedly']);
  });
});

describe('nesting and sibling claims', () => {
  it('a speaker after a quote is not nested in a belief inside the quote ("“I think ...,” the governor said")', () => {
    const a = run('“I think the road will reopen by Friday,” the governor said.');
    const said = a.claims.find(c => c.cue?.text === 'said')!;
    expect(said.via).toBeNull();
    expect(said.content.text).toBe('“I think the road will reopen by Friday,”');
    expect(a.claims.some(c => c.cue?.text === 'think' && c.via === null)).toBe(false);
    // no claim is ever its own ancestor
    for (const c of a.claims) expect(c.via).not.toBe(c.id);
  });

  it('a belief inside a quote ends with the quote and nests in the speaker', () => {
    const a = run('The commander spoke to reporters. “We believe the convoy was hit by mistake,” he said, “and we regret it.”');
    const said = a.claims.find(c => c.cue?.text === 'said')!;
    expect(said.via).toBeNull();
    expect(said.content.text).toBe('“We believe the convoy was hit by mistake,” he said, “and we regret it.”');
    for (const c of a.claims.filter(c => c.via)) expect(c.content.end).toBeLessThanOrEqual(said.content.end);
  });

  it('"X said A, but he said B": two sibling claims, the first content ends before the second speaker', () => {
    const a = run('The mayor said the bridge was safe, but he said repairs would take a month.');
    const [first, second] = a.claims;
    expect(first.content.text).toBe('the bridge was safe');
    expect(second.via).toBeNull();
    expect(second.content.text).toBe('repairs would take a month');
    expect(second.source).toBe(first.source);
  });

  it('"X announced A and said B": the second cue is a sibling claim of the same speaker', () => {
    const a = run('Police announced the arrest of a suspect on Friday and said a curfew would stay in place.');
    const announced = a.claims.find(c => c.cue?.text === 'announced')!;
    const said = a.claims.find(c => c.cue?.text === 'said')!;
    expect(announced.content.text).toBe('the arrest of a suspect on Friday');
    expect(said.via).toBeNull();
    expect(said.source).toBe(announced.source);
    expect(said.content.text).toBe('a curfew would stay in place');
  });

  it('"X said A, though it acknowledged B": the pronoun is the same body', () => {
    const a = run('The ministry said the convoy was hit near the border, though it acknowledged that the route had been cleared.');
    const ack = a.claims.find(c => c.cue?.text === 'acknowledged')!;
    expect(ack.via).toBeNull();
    expect(a.sources.find(s => s.id === ack.source)?.name).toBe('ministry');
    expect(a.claims[0].content.text).toBe('the convoy was hit near the border');
  });

  it('a quote split by its speaker is one direct content, before or after the cue', () => {
    const a = run('“We found nine bodies,” said Ahmad Saleh, a rescue worker, “and we are still digging.”');
    const c = a.claims[0];
    expect(c.sourceSpan?.text).toBe('Ahmad Saleh, a rescue worker');
    expect(c.quote).toBe('direct');
    expect(c.content.text).toBe('“We found nine bodies,” said Ahmad Saleh, a rescue worker, “and we are still digging.”');
    const b = run('“One of the reasons I think the talks failed,” the envoy said, “is that neither side trusts the monitors.”');
    expect(b.claims.filter(c => c.via === null).map(c => c.cue?.text)).toEqual(['said']);
    expect(b.claims[0].content.text.startsWith('“One of the reasons')).toBe(true);
  });

  it('"he" refers back to an official named by office ("a police spokesman ... He added")', () => {
    const a = run('A police spokesman said two men were held. He added that both were armed.');
    const he = a.claims.find(c => c.sourceSpan?.text === 'He')!;
    expect(he.source).toBe(a.claims[0].source);
    expect(a.sources.find(s => s.id === he.source)?.kind).toBe('government');
  });
});

describe('descriptive speakers', () => {
  it('"the UK-based monitor" is a speaker and refers back to the monitoring group named before', () => {
    const a = run("Four men were executed in Raqqa on Monday, according to the monitoring group SOHR. The UK-based monitor said the men were allegedly shot in the town's main square.");
    const sohr = a.byName('SOHR')!;
    expect(sohr.kind).toBe('organisation');
    const c = a.claims.find(c => c.sourceSpan?.text === 'The UK-based monitor')!;
    expect(c).toBeDefined();
    expect(c.source).toBe(sohr.id);
    expect(c.cue?.text).toBe('said');
    expect(c.hedges.map(h => h.text)).toEqual(['allegedly']);
    expect(a.sources).toHaveLength(1);
  });

  it('"the Observatory" / "the monitor" after "the London-based Syrian Observatory for Human Rights"', () => {
    const a = run('Four men died in the raid, according to the London-based Syrian Observatory for Human Rights. The Observatory said the men were shot. The monitor added that two of them were children.');
    const sohr = a.byName('Syrian Observatory for Human Rights')!;
    expect(sohr).toBeDefined();
    expect(a.claims.filter(c => c.cue).map(c => c.source)).toEqual([sohr.id, sohr.id, sohr.id]);
  });

  it('"the agency" is the news agency named before, not the monitor named in between', () => {
    const a = run('Two children died in the strike, the Hawar News Agency reported. The Syrian Observatory for Human Rights said 12 people died. The agency said the strike hit a school.');
    const c = a.claims.find(c => c.sourceSpan?.text === 'The agency')!;
    expect(a.sources.find(s => s.id === c.source)?.name).toBe('Hawar News Agency');
  });

  it('"the group" after an armed group and "the rights group" after a rights organisation', () => {
    const a = run('Islamic State claimed the bombing in a statement. The group said its fighters targeted a checkpoint. Human Rights Watch said the attack was a war crime. The rights group said at least nine civilians were killed.');
    const group = a.claims.find(c => c.sourceSpan?.text === 'The group')!;
    expect(a.sources.find(s => s.id === group.source)?.kind).toBe('armed_group');
    const rights = a.claims.find(c => c.sourceSpan?.text === 'The rights group')!;
    expect(a.sources.find(s => s.id === rights.source)?.name).toBe('Human Rights Watch');
  });

  it('a description with nothing before it is a source of its own, with its kind', () => {
    const a = run('Four men died in the shelling, the UK-based monitor said. The Iran-backed militia denied any role.');
    const monitor = a.byName('UK-based monitor')!;
    expect(monitor.kind).toBe('organisation');
    expect(a.byName('Iran-backed militia')?.kind).toBe('armed_group');
  });

  it('place-based compounds describe a source and are not its name', () => {
    expect(nameOf('the London-based Syrian Observatory for Human Rights').name).toBe('Syrian Observatory for Human Rights');
    expect(nameOf('the state-run SANA news agency').name).toBe('SANA');
    expect(nameOf('the UK-based monitor')).toMatchObject({ name: 'UK-based monitor', capitalised: false });
  });
});

describe('"cited by" and phrases that are not speakers', () => {
  it('"the toll, cited by X" does not make the toll a source: X reports the clause', () => {
    const a = run('The toll rose to 30 on Sunday, cited by the state news agency.');
    expect(a.sources.map(s => s.name)).toEqual(['state news agency']);
    expect(a.sources[0].kind).toBe('media');
    const c = a.claims[0];
    expect(c.cue?.text).toBe('cited by');
    expect(c.content.text).toBe('The toll rose to 30 on Sunday');
    expect(a.citations).toEqual([expect.objectContaining({ from: 'report', to: a.sources[0].id })]);
  });

  it('"according to a new toll, cited by AFP": AFP is the source, the toll names nobody', () => {
    const a = run('At least 30 people were killed in the strikes, according to a new toll, cited by AFP.');
    expect(a.sources.map(s => s.name)).toEqual(['AFP']);
    expect(a.claims[0].content.text).toBe('At least 30 people were killed in the strikes');
    const b = run('At least 30 people were killed, according to a new toll.');
    expect(b.sources).toEqual([]);
    expect(b.claims[0].source).toBeNull();
  });

  it('"X\'s toll, cited by Y": Y cites X', () => {
    const a = run("The Observatory's toll, cited by AFP, included six children.");
    expect(a.citations).toContainEqual(expect.objectContaining({ from: a.byName('AFP')!.id, to: a.byName('Observatory')!.id }));
  });

  it('"..., X said, cited by Y": X is the speaker of the clause, Y cites X', () => {
    const a = run('The death toll from the strike stood at 14, the health ministry said, cited by Reuters.');
    const c = a.claims.find(c => c.cue?.text === 'said')!;
    expect(c.content.text).toBe('The death toll from the strike stood at 14');
    expect(a.citations).toContainEqual(expect.objectContaining({ from: a.byName('Reuters')!.id, to: c.source }));
  });

  it('a day before "cited by" is no source', () => {
    const a = run('Three soldiers were wounded on Sunday, cited by the army.');
    expect(a.sources.some(s => /sunday/i.test(s.name))).toBe(false);
  });

  it('"a new poll" keeps its words as a name; "a CNN report" is CNN', () => {
    expect(nameOf('a new poll').name).toBe('new poll');
    expect(nameOf('a CNN report').name).toBe('CNN');
    expect(nameOf("the Observatory's toll").name).toBe('Observatory');
  });
});

describe('coordinated and common-noun speakers', () => {
  it('"eyewitnesses and relatives" is one anonymous source', () => {
    const a = run('Our researchers were told by eyewitnesses and relatives that he had been detained.');
    const c = a.claims[0];
    expect(c.sourceSpan?.text).toBe('eyewitnesses and relatives');
    expect(a.sources.find(s => s.id === c.source)).toMatchObject({ name: 'eyewitnesses and relatives', kind: 'anonymous' });
  });

  it('coordinated subjects and objects of "according to"', () => {
    expect(run('Residents and activists said the market was shelled.').claims[0].sourceSpan?.text).toBe('Residents and activists');
    const a = run('According to police and witnesses, the gunman fled on foot.');
    expect(a.claims[0].sourceSpan?.text).toBe('police and witnesses');
    expect(a.claims[0].content.text).toBe('the gunman fled on foot');
    // a new clause after "and" is not part of the source
    const b = run('According to police and the man was arrested later.');
    expect(b.claims.every(c => c.sourceSpan?.text !== 'police and the man')).toBe(true);
  });

  it('"according to police": a source word the tagger reads as a verb', () => {
    const a = run('According to police, the gunman fled on foot.');
    expect(a.claims[0].sourceSpan?.text).toBe('police');
    expect(a.sources[0].kind).toBe('government');
  });

  it('a common word capitalised at the start of a sentence is not a name', () => {
    const a = run('Local officials believe the attackers came from the north. Hospital officials said nine people died.');
    expect(a.sources.map(s => s.name)).toEqual(['local officials', 'hospital officials']);
    expect(a.sources.map(s => s.kind)).toEqual(['government', 'government']);
    expect(run('Amnesty International said nine people died.').sources[0].name).toBe('Amnesty International');
  });
});

describe('headline speakers and unnamed individuals', () => {
  it('"..., monitor says" in the headline is the monitor the story names', () => {
    const x = extractReport({
      title: 'Shelling kills five civilians in Hama countryside, monitor says',
      text: 'Government shelling killed five civilians in the village of Kafr Zita on Monday, according to the Syrian Observatory for Human Rights.\n\nThe Britain-based monitor said two of the dead were children.',
      published: '2019-06-04',
    });
    const sohr = x.sources.find(s => s.name === 'Syrian Observatory for Human Rights')!;
    expect(x.sources).toHaveLength(1);
    expect(x.claims.filter(c => c.cue).map(c => c.source)).toEqual([sohr.id, sohr.id, sohr.id]);
    expect(x.claims.find(c => c.sourceSpan?.text === 'monitor')).toBeDefined();
  });

  it('a headline line without a title: "Monitors Say" speaks of several monitors, not of a person named Monitors', () => {
    const a = run('Gunmen Kill Two Farmers Near Raqqa, Monitors Say\n\nTwo farmers were shot dead near Raqqa on Monday, according to the Syrian Observatory for Human Rights.');
    const c = a.claims.find(c => c.sourceSpan?.text === 'Monitors')!;
    expect(a.sources.find(s => s.id === c.source)).toMatchObject({ name: 'monitors', kind: 'organisation' });
    expect(a.sources.some(s => s.kind === 'person')).toBe(false);
  });

  it('"he" after an unnamed individual ("the trader said ... He said")', () => {
    const a = run('"There was smoke everywhere," the trader said. He said the blast shattered the windows.');
    const he = a.claims.find(c => c.sourceSpan?.text === 'He')!;
    expect(a.sources.find(s => s.id === he.source)?.name).toBe('trader');
    // but not after a plural group
    const b = run('Residents said the road was shelled. He said the blast shattered the windows.');
    expect(b.claims.find(c => c.sourceSpan?.text === 'He')!.source).toBeNull();
  });
});

describe('stance cues with particles and naming verbs', () => {
  it('"called for", "called on X to", "pointed to", "spoke of": the particle joins the cue', () => {
    const cases: Array<[text: string, cue: string, content: string]> = [
      ['The governor called for calm after the shooting.', 'called for', 'calm after the shooting'],
      ['The UN has called on both sides to protect civilians.', 'has called on', 'both sides to protect civilians'],
      ['Activists pointed to the shelling of the market.', 'pointed to', 'the shelling of the market'],
      ['Residents spoke of a massacre in the village.', 'spoke of', 'a massacre in the village'],
      ['The minister pointed out that the road was closed.', 'pointed out', 'that the road was closed'],
    ];
    expectFirstClaims(cases);
  });

  it('a verb that attributes only with its particle is no cue without it', () => {
    expect(run('The two delegations spoke for an hour.').claims).toEqual([]);
    expect(run('Rescue workers pointed their torches into the rubble.').claims).toEqual([]);
  });

  it('naming verbs: "called the strike a massacre", "described the attack as deliberate"; not "called the family"', () => {
    const a = run('The Observatory called the strike a massacre. The army described the raid as a mistake.');
    expect(a.claims.map(c => [c.cue?.text, c.content.text])).toEqual([['called', 'the strike a massacre'], ['described', 'the raid as a mistake']]);
    expect(run('Police called the victim\'s family on Sunday.').claims).toEqual([]);
    const q = run('The mayor called the shooting “a cowardly act”.').claims[0];
    expect(q.content.text).toBe('the shooting “a cowardly act”');
    expect(q.quote).toBe('mixed');
  });
});

describe('content boundaries', () => {
  it('a relative clause closing a noun-phrase content is the writer\'s gloss; one in the middle or in a clause stays', () => {
    expect(run('The UN called for an inquiry into the killings, which left 14 dead.').claims[0].content.text).toBe('an inquiry into the killings');
    expect(run('Police said the car, which was stolen, exploded near the market.').claims[0].content.text).toBe('the car, which was stolen, exploded near the market');
    // in a reported clause the relative clause is the source's too
    expect(run('Police said the man was shot by a neighbour, who fled on foot.').claims[0].content.text).toBe('the man was shot by a neighbour, who fled on foot');
  });

  it('a quoted question before its speaker: "“Are you hurt?” the officer said."', () => {
    const a = run('The crowd fell silent. “Who would have believed it?” the mayor said, looking at the ruins.');
    const c = a.claims.find(c => c.cue?.text === 'said')!;
    expect(c.content.text).toBe('“Who would have believed it?”');
    expect(c.quote).toBe('direct');
    expect(a.claims.some(c => c.sourceSpan?.text === 'Who')).toBe(false);
  });

  it('first and second person inside a quote are not sources, even when the quote has no speaker', () => {
    const a = run('The letter ended: “I think we will not see our village again, you know.”');
    expect(a.claims.filter(c => c.cue && ['I', 'we', 'you'].includes(c.sourceSpan?.text ?? ''))).toEqual([]);
  });
});

describe('participles and evidence', () => {
  it('"..., the mayor said, adding that ...": a second claim of the same speaker', () => {
    for (const t of ['"We see no link to terrorism," the mayor said, adding that details would take hours to emerge.',
      'The mayor said the bridge was safe, adding that details would take hours to emerge.',
      'In a statement, the mayor said: "The bridge is safe," adding that details would take hours to emerge.']) {
      const a = run(t);
      const said = a.claims.find(c => c.cue?.text === 'said')!;
      const adding = a.claims.find(c => c.cue?.text === 'adding')!;
      expect(adding, t).toBeDefined();
      expect(adding.source, t).toBe(said.source);
      expect(adding.via, t).toBeNull();
      expect(adding.content.text, t).toBe('that details would take hours to emerge');
      expect(said.content.text.includes('adding'), t).toBe(false);
    }
  });

  it('records and footage "show" what follows without a that-clause; a speaker does not', () => {
    const a = run('Video of the incident shows two gunmen firing at the crowd. Hospital records show 12 dead.');
    expect(a.claims.map(c => [c.sourceSpan?.text, c.cue?.text, c.content.text])).toEqual([
      ['Video of the incident', 'shows', 'two gunmen firing at the crowd'],
      ['Hospital records', 'show', '12 dead'],
    ]);
    expect(a.sources.map(s => s.name)).toEqual(['video', 'hospital records']);
    expect(a.sources.every(s => s.kind !== 'person')).toBe(true);
    expect(run('The army showed reporters the site.').claims).toEqual([]);
  });

  it('a sentence-initial adjective before a record or a body is not a name; a proper noun is', () => {
    expect(run('Aerial footage showed two bodies in the yard.').sources[0].name).toBe('aerial footage');
    expect(run('Initial reports said three people were hurt.').sources[0].name).toBe('initial reports');
    expect(run('Hamas officials said the strike hit a school.').sources[0]).toMatchObject({ name: 'Hamas', kind: 'armed_group' });
  });
});

describe('reasons and object complements', () => {
  it('"citing" a reason is a claim of the citer, not a citation of a source', () => {
    const a = run('The court blocked the sale, citing a threat to public health and safety.');
    expect(a.citations.filter(c => c.from !== 'report')).toEqual([]);
    expect(a.sources.map(s => s.name)).toEqual(['court']);
    expect(a.claims[0]).toMatchObject({ cue: expect.objectContaining({ text: 'citing' }), content: expect.objectContaining({ text: 'a threat to public health and safety' }) });
    // a source after "citing" stays a citation
    const b = run('The Observatory said on Tuesday, citing activists in the town, that four people were killed.');
    expect(b.citations).toContainEqual(expect.objectContaining({ from: b.byName('Observatory')!.id, to: b.byName('activists')!.id }));
    expect(b.claims.some(c => c.cue?.text === 'citing')).toBe(false);
  });

  it('"accused X of", "blamed X for", "hailed X as": the object and its complement are the content', () => {
    const cases: Array<[text: string, cue: string, content: string]> = [
      ['The army accused the rebels of shelling the market.', 'accused', 'the rebels of shelling the market'],
      ['Residents blamed the militia for the blast.', 'blamed', 'the militia for the blast'],
      ['The mayor hailed the firefighters as heroes.', 'hailed', 'the firefighters as heroes'],
    ];
    expectFirstClaims(cases);
    expect(run('The man accused of the shooting was arrested on Friday.').claims).toEqual([]);
    expect(run('Neighbours thanked the firefighters.').claims).toEqual([]);
  });
});

describe('transcripts, testimonials and quoted paragraphs', () => {
  it('speaker labels in capitals take turns; each turn runs to the end of its paragraph', () => {
    const a = run('Partial transcript of the interview:\n\n"HOST: Let us start with the news. Was the convoy hit?\n\n"MINISTER: Well, you know, the convoy was hit twice. We lost four drivers.\n\n"HOST: Who fired?');
    const turns = a.claims.filter(c => c.cue?.text === ':');
    expect(turns.map(c => c.sourceSpan?.text)).toEqual(['HOST', 'MINISTER', 'HOST']);
    expect(turns[1].content.text).toBe('Well, you know, the convoy was hit twice. We lost four drivers');
    expect(a.claims.some(c => c.sourceSpan?.text === 'you')).toBe(false);
    // a headline naming the story's subject is still no speaker
    expect(run('Ali Hassan: The Farmer Who Lost Four Sons\n\nThe farmer buried his sons on Monday.').claims).toEqual([]);
  });

  it('"“...” ― Name" closing a line is a quote of that person', () => {
    const a = run('“We were never asked whether we wanted the checkpoint.” ― Maria Lopez\n”They took my brother at night.” — Ahmed Saleh.');
    expect(a.claims.map(c => [c.sourceSpan?.text, c.cue?.text, c.quote])).toEqual([['Maria Lopez', '―', 'direct'], ['Ahmed Saleh', '—', 'direct']]);
    expect(a.claims[1].content.text).toBe('”They took my brother at night.”');
    expect(a.sources.map(s => s.kind)).toEqual(['person', 'person']);
  });

  it('"X reported:" and a quoted paragraph whose quote is re-opened in the next one', () => {
    const a = run('The Kivu Herald reported:\n\n"In an illustration of the chaos, the road was closed for days. Aid trucks waited at the border.\n\n"Without the road, the clinic ran out of medicine."');
    const c = a.claims[0];
    expect(c.quote).toBe('direct');
    expect(c.content.text).toBe('"In an illustration of the chaos, the road was closed for days. Aid trucks waited at the border.');
  });
});

describe('speakers with appositives', () => {
  it('a chain of appositives and a relative clause belong to the speaker\'s span, not to the name', () => {
    const a = run('Donna Rawlings, 59, of Ashton, Md., said she saw the gunman. Don Fowler, who led the party from 1995 to 1997, during the war, said the vote was fair.');
    expect(a.claims.map(c => c.sourceSpan?.text)).toEqual(['Donna Rawlings, 59, of Ashton, Md.,', 'Don Fowler, who led the party from 1995 to 1997, during the war,']);
    expect(a.sources.map(s => [s.name, s.kind])).toEqual([['Donna Rawlings', 'person'], ['Don Fowler', 'person']]);
  });
});

describe('time adjuncts and turns of phrase', () => {
  it('"reported Saturday that ...": a time between a verb and its clause', () => {
    expectFirstClaims([['The Kivu Herald reported Saturday that nine people died.', 'reported', 'that nine people died'],
      ['The agency reported on Monday that nine people died.', 'reported', 'that nine people died']]);
    // without a clause "reported" stays no cue
    expect(run('The Kivu Herald reported Saturday.').claims).toEqual([]);
  });

  it('"Having said that" names nobody', () => {
    expect(run('Having said that, the council will meet again on Monday.').claims).toEqual([]);
  });
});

describe('crime-report phrasing', () => {
  it('"police responded to a call" is no attribution', () => {
    expect(run('Richmond police responded to the shooting call shortly after 1:30 a.m.').claims).toEqual([]);
  });

  it('"she" does not refer back to "her dad", nor "he" to "the victim\'s mother"', () => {
    const a = run('"I heard the shots," her dad said. "Then I heard him shout," she said.');
    expect(a.claims.find(c => c.sourceSpan?.text === 'she')!.source).toBeNull();
    const b = run('"He was a good boy," the victim\'s mother said. "He never carried a gun," she said.');
    expect(b.claims.find(c => c.sourceSpan?.text === 'she')!.source).toBe(b.claims[0].source);
  });
});
