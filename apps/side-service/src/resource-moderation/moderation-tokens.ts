import { Inject, Injectable } from '@nestjs/common';
import { UserJwtService, isExpiredTokenError } from '@app/auth';
import { DomainError, ErrorCode, InvalidArgumentError } from '@app/core';

export const MODERATION_SETTINGS = Symbol('MODERATION_SETTINGS');
export interface ModerationSettings {
  /** `{self.url}` without a trailing slash: the participation links point at this service. */
  selfUrl: string;
  /** `{spa.calendar.url}` without a trailing slash: where a decision redirects. */
  spaCalendarUrl: string;
  /** Lifetime of a moderation token (`JWT_VALIDITY`, PT12H by default; mail.md §2.4). */
  tokenValidityMs: number;
}

export type ModerationStatus = 'ACCEPTED' | 'DECLINED';

/** What a moderation token says: the resource and the object name of the resource's copy (no `.ics`). */
export interface ModerationClaims {
  resourceId: string;
  eventId: string;
}

/** Missing, unverifiable or expired token: 401. */
export class InvalidModerationTokenError extends DomainError {
  constructor(reason: string) {
    super(ErrorCode.Unauthorized, 'JWT is missing or invalid', reason);
  }
}

/** A verified token issued for another resource or event: 403. */
export class ForeignModerationTokenError extends DomainError {
  constructor() {
    super(ErrorCode.Forbidden, 'The token was issued for another resource or event');
  }
}

const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);

/**
 * The signed, expiring tokens of the accept/decline links sent to resource administrators (events.md §3.4,
 * mail.md §2.4): RS256 with the key shared with the DAV server, claims `resourceId` and `eventId`.
 */
@Injectable()
export class ModerationTokens {
  constructor(
    private readonly jwt: UserJwtService,
    @Inject(MODERATION_SETTINGS) private readonly settings: ModerationSettings,
  ) {}

  /** `{self.url}/calendar/api/resources/{resourceId}/{eventId}/participation?status=…&referrer=email&jwt=…` */
  async links(claims: ModerationClaims, now = Date.now()): Promise<Record<ModerationStatus, string>> {
    const token = await this.jwt.sign({ ...claims }, now + this.settings.tokenValidityMs, now);
    const base = `${this.settings.selfUrl}/calendar/api/resources/${encodeURIComponent(claims.resourceId)}/${encodeURIComponent(claims.eventId)}/participation`;
    const link = (status: ModerationStatus) =>
      `${base}?status=${status}&referrer=email&jwt=${encodeURIComponent(token)}`;
    return { ACCEPTED: link('ACCEPTED'), DECLINED: link('DECLINED') };
  }

  /** The claims of a token made for exactly this resource and event (rest-api.md §6.4). */
  async verify(token: string, expected: ModerationClaims): Promise<ModerationClaims> {
    if (token.trim() === '') throw new InvalidModerationTokenError('missing');
    let payload: Record<string, unknown>;
    try {
      payload = await this.jwt.verify(token);
    } catch (error) {
      throw new InvalidModerationTokenError(
        isExpiredTokenError(error) ? 'expired' : 'signature or format not valid',
      );
    }
    const resourceId = text(payload.resourceId);
    const eventId = text(payload.eventId);
    if (!resourceId || !eventId)
      throw new InvalidArgumentError('The token lacks a claim', 'resourceId and eventId are required');
    if (resourceId !== expected.resourceId || eventId !== expected.eventId)
      throw new ForeignModerationTokenError();
    return { resourceId, eventId };
  }

  get redirectUrl(): string {
    return `${this.settings.spaCalendarUrl}/calendar`;
  }
}
