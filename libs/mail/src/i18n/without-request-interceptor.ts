import type { DynamicModule, Provider } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';

const isGlobalInterceptor = (provider: Provider) =>
  typeof provider === 'object' && 'provide' in provider && provider.provide === APP_INTERCEPTOR;

/**
 * nestjs-i18n's module without the global interceptor it always registers: that interceptor resolves a language
 * for every HTTP request and AMQP message (an async step, a resolver look-up and a context object each time),
 * which nothing here reads: mails choose their language from the recipient (`MailTranslator`), never from a
 * request.
 */
export function withoutRequestInterceptor(module: DynamicModule): DynamicModule {
  return {
    ...module,
    providers: (module.providers ?? []).filter((provider) => !isGlobalInterceptor(provider)),
  };
}
