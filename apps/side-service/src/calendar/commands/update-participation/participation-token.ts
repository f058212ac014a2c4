import type { TokenClaims } from '@app/auth';
import { DomainError, ErrorCode, isValidMailAddress } from '@app/core';
import type { Partstat } from '@app/dav-client';

export const PARTICIPATION_ACTIONS = ['ACCEPTED', 'REJECTED', 'TENTATIVE'] as const;
export type ParticipationAction = (typeof PARTICIPATION_ACTIONS)[number];

export const PARTSTAT_OF: Record<ParticipationAction, Partstat> = {
  ACCEPTED: 'ACCEPTED',
  REJECTED: 'DECLINED',
  TENTATIVE: 'TENTATIVE',
};

/** The claims of an Excal participation token. */
export interface ParticipationClaims {
  attendeeEmail: string;
  organizerEmail: string;
  uid: string;
  /** Calendar home id where the event is looked up. */
  calendarURI: string;
  action: ParticipationAction;
}

/** Missing, unverifiable or incomplete token: 401 `JWT is missing or invalid`. */
export class InvalidParticipationTokenError extends DomainError {
  constructor(reason: string) {
    super(ErrorCode.Unauthorized, 'JWT is missing or invalid', reason);
  }
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

export function participationClaims(payload: TokenClaims): ParticipationClaims {
  const attendeeEmail = text(payload.attendeeEmail);
  const organizerEmail = text(payload.organizerEmail);
  const uid = text(payload.uid);
  const calendarURI = text(payload.calendarURI);
  const action = payload.action;
  if (!attendeeEmail || !isValidMailAddress(attendeeEmail))
    throw new InvalidParticipationTokenError('attendeeEmail');
  if (!organizerEmail || !isValidMailAddress(organizerEmail))
    throw new InvalidParticipationTokenError('organizerEmail');
  if (!uid || !calendarURI) throw new InvalidParticipationTokenError('uid or calendarURI');
  if (!PARTICIPATION_ACTIONS.includes(action as ParticipationAction))
    throw new InvalidParticipationTokenError('action');
  return { attendeeEmail, organizerEmail, uid, calendarURI, action: action as ParticipationAction };
}
