import { IsOptional } from 'class-validator';
import { defineConfig } from '../config-definition';
import { IsBooleanText } from '../env-validators';
import { readBoolean, readList } from '../env-readers';

class StandaloneEnv {
  @IsOptional() CORS_ALLOWED_ORIGINS?: string;
  @IsOptional() @IsBooleanText() PEOPLE_SEARCH_USERS_WITH_CONTACTS?: string;
}

export interface StandaloneConfig {
  /**
   * Origins of a browser SPA served from elsewhere (`*` for any). Empty: the headers of rest-api.md §3.2 only, no
   * preflight answers. Otherwise requests from a listed origin get that origin back, and preflights on every route
   * and on `/dav` are answered with the methods and headers the SPAs use.
   */
  corsAllowedOrigins: string[];
  /**
   * People search also runs the user provider when `contact` is asked, for deployments where no Twake Mail fills
   * the contact index (rest-api.md §5.7 sends users through that index then). Off by default.
   */
  peopleSearchUsersWithContacts: boolean;
}

/** Settings for deployments without the rest of the Twake suite in front (a browser SPA on another origin). */
export const standaloneConfig = defineConfig('standalone', StandaloneEnv, (env): StandaloneConfig => ({
  corsAllowedOrigins: readList(env, 'CORS_ALLOWED_ORIGINS'),
  peopleSearchUsersWithContacts: readBoolean(env, 'PEOPLE_SEARCH_USERS_WITH_CONTACTS', false),
}));
