import {
  Controller,
  Delete,
  Header,
  HttpCode,
  Options,
  Param,
  Post,
  Req,
  UseFilters,
  UseGuards,
  applyDecorators,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { DomainError, ErrorCode } from '@app/core';
import { IssueTicketCommand } from './issue-ticket.command';
import { RevokeTicketCommand } from './revoke-ticket.command';
import { TicketProblemFilter } from './ticket-problem.filter';

/** The CORS headers of every ticket route, errors of the route included. */
const Cors = () =>
  applyDecorators(
    Header('Access-Control-Allow-Origin', '*'),
    Header('Access-Control-Allow-Methods', 'GET, POST, DELETE, PUT'),
    Header('Access-Control-Allow-Headers', 'Content-Type, Authorization, Accept'),
    Header('Access-Control-Max-Age', '86400'),
  );

export interface TicketResponse {
  value: string;
  clientAddress: string;
  generatedOn: string;
  validUntil: string;
  username: string;
}

const instant = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

@ApiTags('Tickets')
@Controller('ws/ticket')
@UseFilters(TicketProblemFilter)
export class TicketsController {
  constructor(private readonly commandBus: CommandBus) {}

  @Options()
  @HttpCode(200)
  @Cors()
  preflight(): void {}

  @Options(':ticket')
  @HttpCode(200)
  @Cors()
  preflightOne(): void {}

  @Post()
  @HttpCode(200)
  @Cors()
  @UseGuards(AuthenticatedGuard)
  @ApiOperation({ summary: 'A single-use ticket valid one minute (WebSocket authentication)' })
  async issue(@CurrentUser() user: AuthenticatedUser, @Req() request: Request): Promise<TicketResponse> {
    const ticket = await this.commandBus.execute(
      new IssueTicketCommand(user.username, request.socket.remoteAddress ?? ''),
    );
    return {
      value: ticket.value,
      clientAddress: ticket.clientAddress,
      generatedOn: instant(ticket.generatedOn),
      validUntil: instant(ticket.validUntil),
      username: ticket.username,
    };
  }

  @Delete(':ticket')
  @HttpCode(204)
  @Cors()
  @UseGuards(AuthenticatedGuard)
  @ApiOperation({ summary: 'Revoke one of my tickets' })
  async revoke(@CurrentUser() user: AuthenticatedUser, @Param('ticket') ticket: string): Promise<void> {
    if (!(await this.commandBus.execute(new RevokeTicketCommand(ticket, user.username))))
      throw new DomainError(ErrorCode.Forbidden, 'not your ticket');
  }
}
