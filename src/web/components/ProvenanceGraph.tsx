/**
 * The provenance graph of one incident: sources (outlets, monitors, people) as nodes, citations
 * as arrows from the citing source to the source it relies on, origins (sources nobody else in
 * the graph relies on) marked with a double border and the word "origin". Layered layout:
 * origins in the right-hand column, each other node one column left of the farthest node it
 * relies on, so the chain from an outlet back to its origins reads left to right.
 */
import type { Provenance, ProvenanceNode } from '../types.js';

const COL_GAP = 70;
const ROW_H = 46;
const BOX_H = 30;
const CHAR_W = 6.8;
const MAX_CHARS = 44;

const label = (n: ProvenanceNode) => (n.name.length > MAX_CHARS ? `${n.name.slice(0, MAX_CHARS - 1)}…` : n.name);

export function ProvenanceGraph({ provenance, origins }: { provenance: Provenance; origins: string[] }) {
  const nodes = provenance.nodes;
  if (nodes.length === 0) return <p className="muted">No source is named in these reports.</p>;
  const ids = new Set(nodes.map((n) => n.id));
  const edges = provenance.edges.filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to);
  const isOrigin = (n: ProvenanceNode) => n.origin ?? origins.includes(n.id);
  const out = new Map<string, string[]>();
  const inn = new Map<string, string[]>();
  for (const e of edges) {
    out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
    inn.set(e.to, [...(inn.get(e.to) ?? []), e.from]);
  }
  // depth = longest chain of reliance below the node (cycles are cut where they close)
  const depth = new Map<string, number>();
  const visiting = new Set<string>();
  const depthOf = (id: string): number => {
    const known = depth.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    const d = Math.max(-1, ...(out.get(id) ?? []).map(depthOf)) + 1;
    visiting.delete(id);
    depth.set(id, d);
    return d;
  };
  nodes.forEach((n) => depthOf(n.id));
  const maxDepth = Math.max(...depth.values());
  const columns: ProvenanceNode[][] = Array.from({ length: maxDepth + 1 }, () => []);
  for (const n of nodes) columns[maxDepth - depth.get(n.id)!].push(n);
  // order each column by the mean row of the nodes it is connected to in the previous column
  const row = new Map<string, number>();
  columns.forEach((col, ci) => {
    if (ci > 0) {
      const score = (n: ProvenanceNode) => {
        const rs = [...(inn.get(n.id) ?? []), ...(out.get(n.id) ?? [])].map((x) => row.get(x)).filter((r): r is number => r !== undefined);
        return rs.length ? rs.reduce((a, b) => a + b, 0) / rs.length : Infinity;
      };
      col.sort((a, b) => score(a) - score(b));
    }
    col.forEach((n, i) => row.set(n.id, i));
  });
  const colW = columns.map((col) => Math.max(...col.map((n) => label(n).length * CHAR_W + 24), 90));
  const colX = colW.map((_, i) => 10 + colW.slice(0, i).reduce((a, b) => a + b + COL_GAP, 0));
  const rows = Math.max(...columns.map((c) => c.length));
  const width = colX[colX.length - 1] + colW[colW.length - 1] + 10;
  const height = rows * ROW_H + 16;
  const pos = new Map<string, { x: number; y: number; w: number }>();
  columns.forEach((col, ci) => {
    const offset = ((rows - col.length) * ROW_H) / 2;
    col.forEach((n, i) => pos.set(n.id, { x: colX[ci], y: 8 + offset + i * ROW_H + (ROW_H - BOX_H) / 2, w: colW[ci] }));
  });

  return (
    <figure className="provenance">
      <svg viewBox={`0 0 ${width} ${height}`} width={width} style={{ maxWidth: '100%' }} role="img" aria-label={`provenance graph: ${nodes.length} sources, ${edges.length} citations, origins ${nodes.filter(isOrigin).map((n) => n.name).join(', ') || 'none'}`}>
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" className="arrowhead" />
          </marker>
        </defs>
        {edges.map((e, i) => {
          const a = pos.get(e.from)!; const b = pos.get(e.to)!;
          const forward = b.x > a.x;
          const x1 = forward ? a.x + a.w : a.x; const y1 = a.y + BOX_H / 2;
          const x2 = forward ? b.x : b.x + b.w; const y2 = b.y + BOX_H / 2;
          const mx = (x1 + x2) / 2;
          const d = forward ? `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}` : `M${x1},${y1} C${x1 - 40},${y1 - 30} ${x2 + 40},${y2 - 30} ${x2},${y2}`;
          const ev = Array.isArray(e.evidence) ? e.evidence : e.evidence ? [e.evidence] : [];
          const from = nodes.find((n) => n.id === e.from)!.name; const to = nodes.find((n) => n.id === e.to)!.name;
          return (
            <path key={i} d={d} className="edge" markerEnd="url(#arrow)" data-from={e.from} data-to={e.to}>
              <title>{`${from} cites ${to}${ev.length ? `: “${ev.join('” · “')}”` : ''}`}</title>
            </path>
          );
        })}
        {nodes.map((n) => {
          const p = pos.get(n.id)!;
          const origin = isOrigin(n);
          return (
            <g key={n.id} className={`node kind-${n.kind}${origin ? ' origin' : ''}`} data-node={n.id} data-origin={origin ? 'true' : 'false'} aria-label={`${n.name} (${n.kind}${origin ? ', origin' : ''})`} transform={`translate(${p.x},${p.y})`}>
              <title>{`${n.name} — ${n.kind}${origin ? '; an origin: no other source here relies on it' : ''}`}</title>
              <rect width={p.w} height={BOX_H} rx={6} />
              {origin && <rect x={-3} y={-3} width={p.w + 6} height={BOX_H + 6} rx={8} className="origin-ring" />}
              <text x={12} y={BOX_H / 2 + 4}>{label(n)}</text>
              {origin && <text x={p.w - 4} y={-6} className="origin-tag" textAnchor="end">origin</text>}
            </g>
          );
        })}
      </svg>
      <figcaption className="muted small">
        Arrows go from a source to the source it cites. <span className="legend-origin">Origins</span> rely on no other source in this graph.
        {provenance.summary ? ` ${provenance.summary}.` : ''}
      </figcaption>
    </figure>
  );
}
