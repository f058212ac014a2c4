import {
  Controller,
  Delete,
  HttpCode,
  Options,
  Param,
  Post,
  Req,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { DomainError, ErrorCode } from '@app/core';
import { IssueTicketCommand } from './issue-ticket.command';
import { RevokeTicketCommand } from './revoke-ticket.command';
import { TicketProblemFilter } from './ticket-problem.filter';

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

  // Their CORS headers come from the service's one policy (http/cors-headers.middleware, http/cors-policy).
  @Options()
  @HttpCode(200)
  preflight(): void {}

  @Options(':ticket')
  @HttpCode(200)
  preflightOne(): void {}

  @Post()
  @HttpCode(200)
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
  @UseGuards(AuthenticatedGuard)
  @ApiOperation({ summary: 'Revoke one of my tickets' })
  async revoke(@CurrentUser() user: AuthenticatedUser, @Param('ticket') ticket: string): Promise<void> {
    if (!(await this.commandBus.execute(new RevokeTicketCommand(ticket, user.username))))
      throw new DomainError(ErrorCode.Forbidden, 'not your ticket');
  }
}
