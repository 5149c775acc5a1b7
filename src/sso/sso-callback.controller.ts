import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { metaOf, Public } from '../common/auth/decorators';
import { SsoBrowserBinding } from './sso-browser-binding';
import { SsoService } from './sso.service';

/**
 * The browser side of SSO. Both routes answer with a redirect, always: the provider, or the web
 * app (with `?ticket=`, `?linked=` or `?error=<code>`); never a JSON error or a stack trace.
 * Public: the link flow knows its user from the state row that `linkProvider` wrote. The start
 * sets the browser-binding cookie; the callback is honoured only with it.
 */
@Public()
@Controller('auth/sso')
export class SsoCallbackController {
  constructor(
    private readonly sso: SsoService,
    private readonly binding: SsoBrowserBinding,
  ) {}

  @Get(':providerId')
  async start(@Param('providerId') providerId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const binding = this.binding.ensure(req, res);
    redirect(res, await this.sso.loginStartUrl(providerId, binding));
  }

  @Get(':providerId/callback')
  async callback(@Param('providerId') providerId: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    redirect(res, await this.sso.callbackUrl(providerId, req, metaOf(req), this.binding.read(req)));
  }
}

function redirect(res: Response, url: string): void {
  // Tickets and states travel in these URLs: keep them out of caches and Referer headers.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.redirect(302, url);
}
