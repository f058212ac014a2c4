import { LocalResourceLookup } from './local-resource-lookup';

/** Until the `resources` collection has a repository: no address is taken for a resource. */
export class NoResourceLookup extends LocalResourceLookup {
  isActiveResourceOf(): Promise<boolean> {
    return Promise.resolve(false);
  }
}
