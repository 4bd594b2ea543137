/**
 * A small least-recently-used memo of promises: concurrent identical requests share one
 * computation, and a failure is forgotten so the next request tries again.
 * @example const c = new PromiseCache(100); await c.get("k", () => compute());
 */
export class PromiseCache {
  private readonly map = new Map<string, Promise<unknown>>();
  constructor(private readonly max: number) {}

  get<T>(key: string, make: () => Promise<T>): Promise<T> {
    const hit = this.map.get(key);
    if (hit) {
      this.map.delete(key);
      this.map.set(key, hit);
      return hit as Promise<T>;
    }
    const p = make();
    this.map.set(key, p);
    p.catch(() => this.map.get(key) === p && this.map.delete(key));
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
    return p;
  }

  get size(): number {
    return this.map.size;
  }
}
