/**
 * A read that callers asking at the same time share, without answering any caller with a value read before it
 * asked. The first caller starts the read; callers arriving while it runs wait for the next read, started as
 * soon as the running one ends and shared by all of them. So at most one read runs and one waits, however many
 * requests ask at once, and every caller still sees every write committed before it asked (a version number
 * behind a cached answer, say, read by each request).
 */
export class SharedRead<T> {
  private running: Promise<T> | null = null;
  private waiting: Promise<T> | null = null;

  constructor(private readonly read: () => Promise<T>) {}

  get(): Promise<T> {
    if (!this.running) return this.start();
    this.waiting ??= this.running.then(
      () => this.start(),
      () => this.start(),
    );
    return this.waiting;
  }

  private start(): Promise<T> {
    this.waiting = null;
    const read = this.read();
    this.running = read;
    const done = () => {
      if (this.running === read) this.running = null;
    };
    read.then(done, done);
    return read;
  }
}

/**
 * Shared reads kept per owner (a database handle: tests open several in one process) and per key (a subtree, say;
 * none when the read takes no argument): callers share a read only with those asking of the same owner for the
 * same key. One entry per key is kept, so keys must come from a bounded set.
 */
export class SharedReads<T> {
  private readonly byOwner = new WeakMap<object, Map<string, SharedRead<T>>>();

  get(owner: object, read: () => Promise<T>, key = ''): Promise<T> {
    let byKey = this.byOwner.get(owner);
    if (!byKey) {
      byKey = new Map();
      this.byOwner.set(owner, byKey);
    }
    let shared = byKey.get(key);
    if (!shared) {
      shared = new SharedRead(read);
      byKey.set(key, shared);
    }
    return shared.get();
  }
}
