/** What a Nest execution context names: the route's handler and its controller class. */
export interface RouteContext {
  getHandler(): object;
  getClass(): object;
}

/**
 * A value derived from a route's metadata (decorators on its handler and controller), computed at the route's first
 * request and kept: the metadata is fixed once the app is built, and reading it with a `Reflector` on every request
 * costs lookups and arrays on hot routes. Keyed by controller class and handler (a handler inherited by two classes
 * keeps one value per class).
 */
export class PerRoute<T, Context extends RouteContext = RouteContext> {
  private readonly byClass = new WeakMap<object, WeakMap<object, { value: T }>>();

  constructor(private readonly compute: (context: Context) => T) {}

  of(context: Context): T {
    const controller = context.getClass();
    let byHandler = this.byClass.get(controller);
    if (!byHandler) this.byClass.set(controller, (byHandler = new WeakMap()));
    const handler = context.getHandler();
    let known = byHandler.get(handler);
    if (!known) byHandler.set(handler, (known = { value: this.compute(context) }));
    return known.value;
  }
}
