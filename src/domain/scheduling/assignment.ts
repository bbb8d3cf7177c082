/**
 * Min-cost flow by successive shortest paths (SPFA, so negative edge costs are fine). Small and
 * exact: expertise groups need an optimal assignment, and a room is at most a few hundred people.
 */
export class FlowGraph {
  private readonly head: number[];
  private readonly to: number[] = [];
  private readonly cap: number[] = [];
  private readonly cost: number[] = [];
  private readonly next: number[] = [];

  constructor(readonly nodes: number) {
    this.head = Array<number>(nodes).fill(-1);
  }

  /** Adds an arc and returns its id (its reverse is id ^ 1). */
  addEdge(from: number, to: number, capacity: number, cost: number): number {
    const id = this.to.length;
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
    return id;
  }

  flowOn(edge: number): number {
    return this.cap[edge ^ 1] as number;
  }

  private push(from: number, to: number, capacity: number, cost: number): void {
    this.to.push(to);
    this.cap.push(capacity);
    this.cost.push(cost);
    this.next.push(this.head[from] as number);
    this.head[from] = this.to.length - 1;
  }

  /** Sends up to `limit` units from source to sink at minimum cost; returns [flow, cost]. */
  minCostFlow(source: number, sink: number, limit: number): [number, number] {
    let flow = 0;
    let total = 0;
    const dist = new Float64Array(this.nodes);
    const inQueue = new Uint8Array(this.nodes);
    const via = new Int32Array(this.nodes);
    while (flow < limit) {
      dist.fill(Infinity);
      via.fill(-1);
      dist[source] = 0;
      const queue = [source];
      inQueue[source] = 1;
      for (let qi = 0; qi < queue.length; qi++) {
        const u = queue[qi] as number;
        inQueue[u] = 0;
        for (let e = this.head[u] as number; e !== -1; e = this.next[e] as number) {
          if ((this.cap[e] as number) <= 0) continue;
          const v = this.to[e] as number;
          const d = (dist[u] as number) + (this.cost[e] as number);
          if (d < (dist[v] as number)) {
            dist[v] = d;
            via[v] = e;
            if (!inQueue[v]) {
              inQueue[v] = 1;
              queue.push(v);
            }
          }
        }
      }
      if (dist[sink] === Infinity) break;
      let push = limit - flow;
      for (let v = sink; v !== source; v = this.to[(via[v] as number) ^ 1] as number)
        push = Math.min(push, this.cap[via[v] as number] as number);
      for (let v = sink; v !== source; v = this.to[(via[v] as number) ^ 1] as number) {
        const e = via[v] as number;
        this.cap[e] = (this.cap[e] as number) - push;
        this.cap[e ^ 1] = (this.cap[e ^ 1] as number) + push;
      }
      flow += push;
      total += push * (dist[sink] as number);
    }
    return [flow, total];
  }
}
