import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { isEmail } from 'class-validator';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditAction, COUNTRY_CODES, Language, MemberStatus, MemberType, NetworkRole } from '@lcc/contracts';
import type { Env } from '../../../config/env.validation.js';
import { AuditService } from '../../audit/audit.service.js';
import { MemberAwaitingApprovalEvent } from '../../members/events/member-awaiting-approval.event.js';
import { MemberChangedEvent } from '../../members/events/member-changed.event.js';
import { MemberRegisteredEvent } from '../../members/events/member-registered.event.js';
import { type Member, MembersService } from '../../members/members.service.js';
import { MemberIdentity } from './entities/member-identity.entity.js';
import { SsoErrorCode, SsoException } from './oidc.exception.js';

/** What the portal takes from the provider's ID token and UserInfo answer. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
  locale: string | null;
}

const LANGUAGES = new Set<string>(Object.values(Language));

/**
 * Who a provider identity is in the portal: the member already linked to (issuer, subject); else the member with
 * the same verified e-mail, linked now; else a new member, active for an allowed e-mail domain and pending
 * (or refused, by configuration) for any other. Links and creations are audited.
 */
@Injectable()
export class OidcAccountsService {
  private readonly allowedDomains: Set<string>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly members: MembersService,
    private readonly audit: AuditService,
    private readonly events: EventEmitter2,
    private readonly config: ConfigService<Env, true>,
  ) {
    this.allowedDomains = new Set(
      (config.get('OIDC_ALLOWED_DOMAINS', { infer: true }) ?? '')
        .split(',')
        .map((domain) => domain.trim().toLowerCase())
        .filter(Boolean),
    );
  }

  async memberFor(identity: ProviderIdentity): Promise<Member> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const identities = manager.getRepository(MemberIdentity);
      const linked = await identities.findOneBy({ issuer: identity.issuer, subject: identity.subject });
      if (linked) {
        await identities.update({ id: linked.id }, { lastUsedAt: new Date() });
        return { memberId: linked.memberId, created: null };
      }
      // Only an address the provider vouches for (and that is one) may find, or create, a member.
      const email = identity.emailVerified ? identity.email?.trim() : undefined;
      if (!email || email.length > 254 || !isEmail(email)) throw new SsoException(SsoErrorCode.SSO_EMAIL_UNVERIFIED);
      const existing = await this.members.findByEmail(email);
      if (existing) {
        await this.link(manager, existing.id, identity, AuditAction.SsoIdentityLinked, {});
        await this.members.markEmailVerified(manager, existing.id);
        return { memberId: existing.id, created: null };
      }
      const created = await this.create(manager, identity, email);
      return { memberId: created.id, created };
    });
    if (outcome.created) await this.announce(outcome.created);
    const member = await this.members.findById(outcome.memberId);
    // Deleted between the commit and this read: as good as never linked.
    if (!member) throw new SsoException(SsoErrorCode.SSO_FAILED);
    return member;
  }

  private async create(manager: EntityManager, identity: ProviderIdentity, email: string): Promise<Member> {
    const domain = email.slice(email.lastIndexOf('@') + 1).toLowerCase();
    const allowed = this.allowedDomains.has(domain);
    if (!allowed && this.config.get('OIDC_OTHER_DOMAINS', { infer: true }) === 'refuse') {
      throw new SsoException(SsoErrorCode.SSO_DOMAIN_NOT_ALLOWED);
    }
    const locale = parseLocale(identity.locale);
    const member = await this.members.create(
      {
        email,
        // Nobody knows this password: the member signs in through the provider, or sets one with "forgot password".
        password: randomBytes(32).toString('base64url'),
        displayName: (identity.name?.trim() || email.slice(0, email.lastIndexOf('@'))).slice(0, 120),
        memberType: MemberType.IndividualExpert,
        country: locale.country ?? this.defaultCountry(),
        language: locale.language,
        role: NetworkRole.Member,
        status: allowed ? MemberStatus.Active : MemberStatus.Pending,
        emailVerified: true,
      },
      manager,
    );
    await this.link(manager, member.id, identity, AuditAction.SsoMemberCreated, { status: member.status });
    return member;
  }

  /** Required with OIDC_ISSUER (validated at start), so its absence here means SSO is not set up. */
  private defaultCountry(): string {
    const country = this.config.get('OIDC_DEFAULT_COUNTRY', { infer: true });
    if (!country) throw new SsoException(SsoErrorCode.SSO_NOT_CONFIGURED);
    return country;
  }

  private async link(
    manager: EntityManager,
    memberId: string,
    identity: ProviderIdentity,
    action: AuditAction,
    details: Record<string, unknown>,
  ): Promise<void> {
    await manager.getRepository(MemberIdentity).insert({
      memberId,
      issuer: identity.issuer,
      subject: identity.subject,
      lastUsedAt: new Date(),
    });
    await this.audit.record(
      {
        action,
        actorId: memberId,
        targetType: 'member',
        targetId: memberId,
        details: { ...details, issuer: identity.issuer },
      },
      manager,
    );
  }

  /** The same events as a registration: lists update live, and the staff learn of a pending member to approve. */
  private async announce(member: Member): Promise<void> {
    const pending = member.status === MemberStatus.Pending;
    await this.events.emitAsync(MemberRegisteredEvent.NAME, new MemberRegisteredEvent(member.id, member.status, null));
    await this.events.emitAsync(
      MemberChangedEvent.NAME,
      new MemberChangedEvent(member.id, member.status, member.role, pending),
    );
    // The address is verified already, so approval can be asked for at once.
    if (pending)
      await this.events.emitAsync(MemberAwaitingApprovalEvent.NAME, new MemberAwaitingApprovalEvent(member.id));
  }
}

/** `ja-JP` → Japanese and Japan; a language the portal lacks falls back to English, an unknown region to none. */
export function parseLocale(tag: string | null): { language: Language; country: string | null } {
  const [language = '', ...rest] = (tag ?? '').replace(/_/g, '-').split('-');
  const region = rest.find((part) => /^[A-Za-z]{2}$/.test(part))?.toUpperCase() ?? null;
  return {
    language: LANGUAGES.has(language.toLowerCase()) ? (language.toLowerCase() as Language) : Language.En,
    country: region && COUNTRY_CODES.includes(region) ? region : null,
  };
}
