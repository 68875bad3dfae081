import { SsoErrorCode } from '@lcc/contracts';
import { featureException } from '../../../common/errors/app.exception.js';

export { SsoErrorCode };

/** Single sign-on failures; the callback turns them into `/sign-in?ssoError=<code>` for the browser. */
export const SsoException = featureException<SsoErrorCode>('SsoException', {
  [SsoErrorCode.SSO_NOT_CONFIGURED]: [404, 'Single sign-on is not configured'],
  [SsoErrorCode.SSO_FAILED]: [401, 'Single sign-on did not complete; try again'],
  [SsoErrorCode.SSO_EMAIL_UNVERIFIED]: [403, 'The identity provider did not confirm an e-mail address'],
  [SsoErrorCode.SSO_DOMAIN_NOT_ALLOWED]: [403, 'Accounts of this e-mail domain cannot join through single sign-on'],
});
