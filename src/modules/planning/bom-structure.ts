/**
 * Pure facts about the product structure: cycles and low-level codes. An edge is parent → component.
 */
export interface BomEdge {
  parent: string;
  component: string;
}

/**
 * The path of a cycle the edges form, e.g. [A, B, A], or null when there is none. Checked before
 * a BOM is saved: a part that (through any depth) contains itself can never be planned.
 */
export function findCycle(edges: readonly BomEdge[]): string[] | null {
  const children = new Map<string, string[]>();
  for (const e of edges) children.set(e.parent, [...(children.get(e.parent) ?? []), e.component]);
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'visiting') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'visiting');
    path.push(node);
    for (const c of children.get(node) ?? []) {
      const found = visit(c);
      if (found) return found;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of children.keys()) {
    const found = visit(node);
    if (found) return found;
  }
  return null;
}

/**
 * Low-level code of every device on an edge: 0 for end items, else one more than its deepest
 * parent — so planning a level sees all demand its parents placed on it first. Assumes no cycle.
 */
export function lowLevelCodes(edges: readonly BomEdge[]): Map<string, number> {
  const parents = new Map<string, string[]>();
  const nodes = new Set<string>();
  for (const e of edges) {
    parents.set(e.component, [...(parents.get(e.component) ?? []), e.parent]);
    nodes.add(e.parent).add(e.component);
  }
  const codes = new Map<string, number>();
  const code = (node: string): number => {
    const known = codes.get(node);
    if (known !== undefined) return known;
    const ps = parents.get(node) ?? [];
    const c = ps.length === 0 ? 0 : Math.max(...ps.map(code)) + 1;
    codes.set(node, c);
    return c;
  };
  for (const n of nodes) code(n);
  return codes;
}
