import { PerRoute } from './per-route';

class Base {
  shared(): void {}
  other(): void {}
}
class Derived extends Base {}

const route = (controller: object, handler: object) => ({
  getClass: () => controller,
  getHandler: () => handler,
});

describe('PerRoute', () => {
  it('computes a route value once, per controller class and handler', () => {
    const computed: string[] = [];
    const names = new PerRoute((context: { getClass(): object; getHandler(): object }) => {
      const name = `${(context.getClass() as { name: string }).name}.${(context.getHandler() as { name: string }).name}`;
      computed.push(name);
      return name;
    });
    const { shared, other } = Base.prototype;
    expect(names.of(route(Base, shared))).toBe('Base.shared');
    expect(names.of(route(Base, shared))).toBe('Base.shared');
    expect(names.of(route(Base, other))).toBe('Base.other');
    // The same inherited handler on another class has its own value.
    expect(names.of(route(Derived, shared))).toBe('Derived.shared');
    expect(computed).toEqual(['Base.shared', 'Base.other', 'Derived.shared']);
  });

  it('keeps an undefined or null value without computing it again', () => {
    let calls = 0;
    const none = new PerRoute(() => {
      calls++;
      return undefined;
    });
    const context = route(Base, Base.prototype.shared);
    expect(none.of(context)).toBeUndefined();
    expect(none.of(context)).toBeUndefined();
    expect(calls).toBe(1);
  });
});
