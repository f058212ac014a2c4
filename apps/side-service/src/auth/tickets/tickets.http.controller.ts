import {
  Controller,
  Delete,
  HttpCode,
  Options,
  Param,
  Post,
  Req,
  Res,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AuthenticatedGuard, type AuthenticatedUser, CurrentUser } from '@app/auth';
import { DomainError, ErrorCode } from '@app/core';
import { IssueTicketCommand } from './issue-ticket.command';
import { RevokeTicketCommand } from './revoke-ticket.command';
import { TicketProblemFilter } from './ticket-problem.filter';

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, PUT',
  'Access-Control-Allow-Headers': 'Content-Type, Authorization, Accept',
  'Access-Control-Max-Age': '86400',
};

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
  preflight(@Res() response: Response): void {
    response.set(CORS).end();
  }

  @Options(':ticket')
  @HttpCode(200)
  preflightOne(@Res() response: Response): void {
    response.set(CORS).end();
  }

  @Post()
  @HttpCode(200)
  @UseGuards(AuthenticatedGuard)
  @ApiOperation({ summary: 'A single-use ticket valid one minute (WebSocket authentication)' })
  async issue(
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<TicketResponse> {
    response.set(CORS);
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
  async revoke(
    @CurrentUser() user: AuthenticatedUser,
    @Param('ticket') ticket: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    response.set(CORS);
    if (!(await this.commandBus.execute(new RevokeTicketCommand(ticket, user.username))))
      throw new DomainError(ErrorCode.Forbidden, 'not your ticket');
  }
}
