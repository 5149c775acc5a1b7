import { focusHeading, h, messageBox, replace } from '../dom';
import { ENROLL_PATH, enrollmentDeadline, mustEnroll, route } from '../router';
import { twoFactorSection } from './settings';

/**
 * Forced enrolment: once the policy's grace period is over the server lets the session only set
 * up a method (or sign out), and the router sends every page here. The set-up flows are the
 * settings page's; a method on lifts the restriction from the next request. The way on
 * ("Continue to your settings") appears only once the flow is over, i.e. after the new backup
 * codes were saved ("I saved my codes"), and then gets the focus.
 */
route(new RegExp(`^${ENROLL_PATH}$`), 'user', (ctx) => {
  const status = messageBox();
  const next = h('p', { hidden: true }, h('a', { href: '/settings', 'data-link': true, class: 'button' }, 'Continue to your settings'));
  const deadline = enrollmentDeadline();
  const intro = mustEnroll()
    ? 'Your organization requires two-factor authentication, and the time to set it up is over. Set up a method below to continue: until then this is the only thing you can do.'
    : deadline
      ? 'Your organization requires two-factor authentication. Set up a method below.'
      : 'Two-factor authentication protects your account even if your password is stolen.';
  replace(ctx.main,
    h('h1', null, 'Set up two-factor authentication'),
    h('p', null, intro),
    status.el,
    next,
    twoFactorSection(ctx.me, {
      onChange: (user) => {
        if (mustEnroll() || enrollmentDeadline() || !user.security.twoFactorEnabled) return;
        status.ok('Two-factor authentication is on: you can use your account again. Save your backup codes below, then continue.');
      },
      onOverview: (user) => {
        if (mustEnroll() || enrollmentDeadline() || !user.security.twoFactorEnabled) return;
        status.ok('Two-factor authentication is on: you can use your account again.');
        next.hidden = false;
        focusHeading(status.el);
      },
    }),
  );
});
