import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import { AuthenticatedUser } from '../authenticated-user';
import { AuthenticationChain } from '../authentication-chain';
import { credentialSourceOf } from './credential-source';

export const TCALENDAR_STRATEGY = 'tcalendar';

/** The one passport strategy: runs the ordered credential chain on the request. */
@Injectable()
export class TcalendarStrategy extends PassportStrategy(Strategy, TCALENDAR_STRATEGY) {
  constructor(private readonly chain: AuthenticationChain) {
    super();
  }

  validate(request: Request): Promise<AuthenticatedUser> {
    return this.chain.authenticate(credentialSourceOf(request));
  }
}
