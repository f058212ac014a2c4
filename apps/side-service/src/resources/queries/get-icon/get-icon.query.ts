import { Query } from '@nestjs/cqrs';

/** The SVG of a resource icon by name (case-insensitive), or `undefined`. */
export class GetIconQuery extends Query<string | undefined> {
  constructor(public readonly name: string) {
    super();
  }
}
