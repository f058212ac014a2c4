import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AllConfig } from '@app/config';

const ICON_NAME = /^[A-Za-z0-9_-]+$/;

/** Picture addresses of search results, on this service's public URL. */
@Injectable()
export class PeopleUrls {
  private readonly base: string;

  constructor(config: ConfigService<AllConfig, true>) {
    this.base = config.get('app', { infer: true }).selfUrl.replace(/\/+$/, '');
  }

  avatar(email: string): string {
    return `${this.base}/api/avatars?email=${email}`;
  }

  /** `undefined` for names that are not icon names. */
  icon(name: string | null): string | undefined {
    return name && ICON_NAME.test(name) ? `${this.base}/images/icon/${name}.svg` : undefined;
  }
}
