using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using Roster.Directory.AccessKeys;
using Roster.Directory.Apps;
using Roster.Directory.Audit;
using Roster.Directory.Domains;
using Roster.Directory.Groups;
using Roster.Directory.Provisioning;
using Roster.Directory.RoleGrants;
using Roster.Directory.RoleRules;
using Roster.Directory.Roles;
using Roster.Directory.Tenants;
using Roster.Directory.Tokens;
using Roster.Directory.Users;

namespace Roster.Directory.Database;

/// <summary>
/// The directory's EF Core model, independent of the database provider. Every key and index
/// starts with <c>tenant_id</c> (ARCHITECTURE decision 4), and every tenant-owned set is
/// filtered by <see cref="TenantId"/>, which each operation sets before it queries: a context
/// whose tenant was not set sees nothing.
/// </summary>
public class RosterDbContext(DbContextOptions<RosterDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    /// <summary>The tenant this unit of work acts for; <see cref="Guid.Empty"/> matches no row.</summary>
    public Guid TenantId { get; set; }

    public DbSet<Tenant> Tenants => Set<Tenant>();

    public DbSet<ScimToken> ScimTokens => Set<ScimToken>();

    public DbSet<UserRecord> Users => Set<UserRecord>();

    public DbSet<UserEmailRecord> UserEmails => Set<UserEmailRecord>();

    public DbSet<GroupRecord> Groups => Set<GroupRecord>();

    public DbSet<GroupMemberRecord> GroupMembers => Set<GroupMemberRecord>();

    public DbSet<RoleRecord> Roles => Set<RoleRecord>();

    public DbSet<ScimSettingsRecord> ScimSettings => Set<ScimSettingsRecord>();

    public DbSet<RoleRuleRecord> RoleRules => Set<RoleRuleRecord>();

    public DbSet<RoleGrantRecord> RoleGrants => Set<RoleGrantRecord>();

    public DbSet<UnmatchedRoleValueRecord> UnmatchedRoleValues => Set<UnmatchedRoleValueRecord>();

    public DbSet<VerifiedDomainRecord> VerifiedDomains => Set<VerifiedDomainRecord>();

    public DbSet<AuditEventRecord> AuditEvents => Set<AuditEventRecord>();

    public DbSet<Events.EventRecord> Events => Set<Events.EventRecord>();

    public DbSet<Webhooks.WebhookEndpointRecord> WebhookEndpoints => Set<Webhooks.WebhookEndpointRecord>();

    public DbSet<SchemaExtensions.SchemaExtensionRecord> SchemaExtensions => Set<SchemaExtensions.SchemaExtensionRecord>();

    public DbSet<Webhooks.WebhookDeliveryRecord> WebhookDeliveries => Set<Webhooks.WebhookDeliveryRecord>();

    public DbSet<Webhooks.WebhookAttemptRecord> WebhookAttempts => Set<Webhooks.WebhookAttemptRecord>();

    public DbSet<AccessKeyRecord> AccessKeys => Set<AccessKeyRecord>();

    public DbSet<AppRegistrationRecord> AppRegistrations => Set<AppRegistrationRecord>();

    public DbSet<Credentials.ServerKeyRecord> ServerKeys => Set<Credentials.ServerKeyRecord>();

    /// <summary>ASP.NET Core's data-protection keys (console cookies, anti-forgery tokens), shared by every node.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Pooled contexts are reused: forget the tenant before going back to the pool so that a
    // caller who forgets to set it sees nothing rather than the previous caller's tenant.
    public override void Dispose()
    {
        TenantId = Guid.Empty;
        base.Dispose();
        GC.SuppressFinalize(this);
    }

    public override async ValueTask DisposeAsync()
    {
        TenantId = Guid.Empty;
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<Tenant>(tenant =>
        {
            tenant.ToTable("tenants");
            tenant.HasKey(t => t.Id).HasName("pk_tenants");
            tenant.Property(t => t.Name).HasMaxLength(200);
        });

        modelBuilder.Entity<ScimToken>(token =>
        {
            token.ToTable("scim_tokens");
            token.HasKey(t => new { t.TenantId, t.Id }).HasName("pk_scim_tokens");
            token.Property(t => t.Name).HasMaxLength(200);
            token.Property(t => t.Hint).HasMaxLength(8);

            // The one index not led by tenant_id: a presented token is looked up before its tenant is known.
            token.HasIndex(t => t.Hash).IsUnique().HasDatabaseName("ux_scim_tokens_hash");
            token.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).HasConstraintName("fk_scim_tokens_tenants");
            token.Property(t => t.LastClient).HasMaxLength(200);
            token.Property(t => t.PermissionCeiling).HasMaxLength(1000);

            // A deleted owner takes its tokens along; the audit log keeps what they did.
            token.HasOne<UserRecord>().WithMany().HasForeignKey(t => new { t.TenantId, t.OwnerId })
                .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_scim_tokens_owner");
            token.HasIndex(t => new { t.TenantId, t.OwnerId }).HasDatabaseName("ix_scim_tokens_owner_id");
            token.HasQueryFilter(t => t.TenantId == TenantId);
        });

        modelBuilder.Entity<UserRecord>(user =>
        {
            user.ToTable("users");
            user.HasKey(u => new { u.TenantId, u.Id }).HasName("pk_users");
            user.HasIndex(u => new { u.TenantId, u.UserNameKey }).IsUnique().HasDatabaseName("ux_users_user_name_key");
            user.HasIndex(u => new { u.TenantId, u.ExternalId }).HasDatabaseName("ix_users_external_id");
            user.HasIndex(u => new { u.TenantId, u.DisplayNameKey }).HasDatabaseName("ix_users_display_name_key");
            user.HasIndex(u => new { u.TenantId, u.Created }).HasDatabaseName("ix_users_created");
            user.HasIndex(u => new { u.TenantId, u.LastModified }).HasDatabaseName("ix_users_last_modified");
            user.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).HasConstraintName("fk_users_tenants");

            // Employee profile columns; the defaults make every existing or SCIM-created row an active, billable, password-login profile.
            user.Property(u => u.Status).HasMaxLength(20).HasDefaultValue("active").ValueGeneratedNever();
            user.Property(u => u.FailedSignIns).HasDefaultValue(0).ValueGeneratedNever();
            user.Property(u => u.LoginAuthenticator).HasMaxLength(100).HasDefaultValue("password").ValueGeneratedNever();
            user.Property(u => u.Billing).HasMaxLength(4000).HasDefaultValue("""{"billable":true,"licenses":[]}""").ValueGeneratedNever();
            user.Property(u => u.InvitationHash).HasMaxLength(64);

            // Activation tokens carry their tenant's org ID, so even this look-up starts with tenant_id.
            user.HasIndex(u => new { u.TenantId, u.InvitationHash }).IsUnique().HasDatabaseName("ux_users_invitation_hash");
            user.HasQueryFilter(u => u.TenantId == TenantId);
        });

        modelBuilder.Entity<UserEmailRecord>(email =>
        {
            email.ToTable("user_emails");
            email.HasKey(e => new { e.TenantId, e.UserId, e.ValueKey }).HasName("pk_user_emails");
            // Covering (user_id included) so that emails.value eq "..." is a seek that never visits the table.
            email.HasIndex(e => new { e.TenantId, e.ValueKey, e.UserId }).HasDatabaseName("ix_user_emails_value_key");
            email.HasOne<UserRecord>().WithMany().HasForeignKey(e => new { e.TenantId, e.UserId })
                .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_user_emails_users");
            email.HasQueryFilter(e => e.TenantId == TenantId);
        });

        modelBuilder.Entity<GroupRecord>(group =>
        {
            group.ToTable("groups");
            group.HasKey(g => new { g.TenantId, g.Id }).HasName("pk_groups");
            group.HasIndex(g => new { g.TenantId, g.DisplayNameKey }).HasDatabaseName("ix_groups_display_name_key");
            group.HasIndex(g => new { g.TenantId, g.ExternalId }).HasDatabaseName("ix_groups_external_id");
            group.HasIndex(g => new { g.TenantId, g.Created }).HasDatabaseName("ix_groups_created");
            group.HasIndex(g => new { g.TenantId, g.LastModified }).HasDatabaseName("ix_groups_last_modified");
            group.HasOne<Tenant>().WithMany().HasForeignKey(g => g.TenantId).HasConstraintName("fk_groups_tenants");
            group.HasQueryFilter(g => g.TenantId == TenantId);
        });

        modelBuilder.Entity<GroupMemberRecord>(member =>
        {
            member.ToTable("group_members");
            member.HasKey(m => new { m.TenantId, m.GroupId, m.MemberId }).HasName("pk_group_members");

            // "Which groups is this user in?" for a user's groups attribute, members.value filters and
            // deletes; covering (group_id included) so those are seeks that never visit the table.
            member.HasIndex(m => new { m.TenantId, m.MemberId, m.GroupId }).HasDatabaseName("ix_group_members_member_id");
            member.Property(m => m.MemberType).HasMaxLength(5);

            // member_id names a user or a group, so only the group side can be a foreign key.
            member.HasOne<GroupRecord>().WithMany().HasForeignKey(m => new { m.TenantId, m.GroupId })
                .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_group_members_groups");
            member.HasQueryFilter(m => m.TenantId == TenantId);
        });

        modelBuilder.Entity<RoleRecord>(role =>
        {
            role.ToTable("roles");
            role.HasKey(r => new { r.TenantId, r.Id }).HasName("pk_roles");

            // Case-sensitive: SQLite's default BINARY collation and PostgreSQL's default text
            // comparison both tell "Agent" from "agent", as CXone does.
            role.HasIndex(r => new { r.TenantId, r.Name }).IsUnique().HasDatabaseName("ux_roles_name");
            role.Property(r => r.Name).HasMaxLength(100);
            role.Property(r => r.Permissions).HasMaxLength(1000);
            role.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).HasConstraintName("fk_roles_tenants");
            role.HasQueryFilter(r => r.TenantId == TenantId);
        });

        modelBuilder.Entity<ScimSettingsRecord>(settings =>
        {
            settings.ToTable("scim_settings");
            settings.HasKey(s => s.TenantId).HasName("pk_scim_settings");
            settings.Property(s => s.Enabled).HasDefaultValue(true).ValueGeneratedNever();
            settings.Property(s => s.LastClient).HasMaxLength(200);
            settings.Property(s => s.TokenMaxDays).HasDefaultValue(Tokens.ScimTokenPolicy.DefaultMaxDays).ValueGeneratedNever();
            settings.Property(s => s.UnknownRoles).HasMaxLength(20).HasDefaultValue(UnknownRolePolicies.Refuse).ValueGeneratedNever();
            settings.Property(s => s.ManualRoleGrants).HasDefaultValue(false).ValueGeneratedNever();
            settings.Property(s => s.NamesRequired).HasDefaultValue(false).ValueGeneratedNever();
            settings.Property(s => s.IdentifiersNotUpdatable).HasDefaultValue(false).ValueGeneratedNever();
            settings.Property(s => s.AdvertiseCursorPaging).HasDefaultValue(true).ValueGeneratedNever();
            settings.HasOne<Tenant>().WithOne().HasForeignKey<ScimSettingsRecord>(s => s.TenantId).HasConstraintName("fk_scim_settings_tenants");

            // Roles are deactivated, never deleted, so these references stay valid.
            settings.HasOne<RoleRecord>().WithMany().HasForeignKey(s => new { s.TenantId, s.DefaultRoleId })
                .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_scim_settings_default_role");
            settings.HasOne<RoleRecord>().WithMany().HasForeignKey(s => new { s.TenantId, s.RequiredRoleId })
                .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_scim_settings_required_role");
            settings.HasIndex(s => new { s.TenantId, s.DefaultRoleId }).HasDatabaseName("ix_scim_settings_default_role_id");
            settings.HasIndex(s => new { s.TenantId, s.RequiredRoleId }).HasDatabaseName("ix_scim_settings_required_role_id");
            settings.HasQueryFilter(s => s.TenantId == TenantId);
        });

        modelBuilder.Entity<RoleRuleRecord>(rule =>
        {
            rule.ToTable("role_rules");
            rule.HasKey(r => new { r.TenantId, r.Id }).HasName("pk_role_rules");
            rule.Property(r => r.Match).HasMaxLength(30);
            rule.Property(r => r.Value).HasMaxLength(RoleRuleLimits.MaxValueLength);
            rule.Property(r => r.MatchKey).HasMaxLength(RoleRuleLimits.MaxValueLength);

            // "Which rules look at this group or this value?" on every membership change and user write.
            rule.HasIndex(r => new { r.TenantId, r.Match, r.MatchKey }).HasDatabaseName("ix_role_rules_match_key");
            rule.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).HasConstraintName("fk_role_rules_tenants");
            rule.HasOne<RoleRecord>().WithMany().HasForeignKey(r => new { r.TenantId, r.RoleId })
                .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_role_rules_roles");
            rule.HasIndex(r => new { r.TenantId, r.RoleId }).HasDatabaseName("ix_role_rules_role_id");
            rule.HasQueryFilter(r => r.TenantId == TenantId);
        });

        modelBuilder.Entity<RoleGrantRecord>(grant =>
        {
            grant.ToTable("role_grants");
            grant.HasKey(g => new { g.TenantId, g.UserId, g.RoleId, g.GrantKey }).HasName("pk_role_grants");
            grant.Property(g => g.GrantKey).HasMaxLength(60);
            grant.Property(g => g.Source).HasMaxLength(20);
            grant.Property(g => g.Value).HasMaxLength(RoleRuleLimits.MaxValueLength);

            // A rule's grants are replaced set-based when the rule or its groups change; a role's holders are listed by role.
            grant.HasIndex(g => new { g.TenantId, g.RuleId, g.UserId }).HasDatabaseName("ix_role_grants_rule_id");
            grant.HasIndex(g => new { g.TenantId, g.RoleId, g.UserId }).HasDatabaseName("ix_role_grants_role_id");
            grant.HasOne<UserRecord>().WithMany().HasForeignKey(g => new { g.TenantId, g.UserId })
                .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_role_grants_users");
            grant.HasOne<RoleRecord>().WithMany().HasForeignKey(g => new { g.TenantId, g.RoleId })
                .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_role_grants_roles");
            grant.HasOne<RoleRuleRecord>().WithMany().HasForeignKey(g => new { g.TenantId, g.RuleId })
                .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_role_grants_rules");
            grant.HasQueryFilter(g => g.TenantId == TenantId);
        });

        modelBuilder.Entity<UnmatchedRoleValueRecord>(unmatched =>
        {
            unmatched.ToTable("unmatched_role_values");
            unmatched.HasKey(u => new { u.TenantId, u.Value }).HasName("pk_unmatched_role_values");
            unmatched.Property(u => u.Value).HasMaxLength(RoleRuleLimits.MaxValueLength);
            unmatched.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).HasConstraintName("fk_unmatched_role_values_tenants");
            unmatched.HasQueryFilter(u => u.TenantId == TenantId);
        });

        modelBuilder.Entity<VerifiedDomainRecord>(domain =>
        {
            domain.ToTable("verified_domains");
            domain.HasKey(d => new { d.TenantId, d.Id }).HasName("pk_verified_domains");

            // Stored lower-case punycode, so the binary comparison of the unique index is the right one.
            domain.HasIndex(d => new { d.TenantId, d.Domain }).IsUnique().HasDatabaseName("ux_verified_domains_domain");
            domain.Property(d => d.Domain).HasMaxLength(253);
            domain.Property(d => d.VerificationToken).HasMaxLength(64);
            domain.HasOne<Tenant>().WithMany().HasForeignKey(d => d.TenantId).HasConstraintName("fk_verified_domains_tenants");
            domain.HasQueryFilter(d => d.TenantId == TenantId);
        });

        modelBuilder.Entity<AuditEventRecord>(audit =>
        {
            audit.ToTable("audit_events");
            audit.HasKey(a => new { a.TenantId, a.Id }).HasName("pk_audit_events");

            // Newest first is (occurred, id) descending: read backwards, the index serves it.
            audit.HasIndex(a => new { a.TenantId, a.Occurred, a.Id }).HasDatabaseName("ix_audit_events_occurred");
            audit.HasIndex(a => new { a.TenantId, a.ResourceId, a.Occurred }).HasDatabaseName("ix_audit_events_resource_id");
            audit.HasIndex(a => new { a.TenantId, a.Action, a.Occurred }).HasDatabaseName("ix_audit_events_action");
            audit.Property(a => a.Client).HasMaxLength(200);
            audit.Property(a => a.Action).HasMaxLength(100);
            audit.Property(a => a.ResourceType).HasMaxLength(50);
            audit.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).HasConstraintName("fk_audit_events_tenants");
            audit.HasQueryFilter(a => a.TenantId == TenantId);
        });

        modelBuilder.Entity<Events.EventRecord>(record =>
        {
            record.ToTable("events");

            // The feed is read by sequence within a tenant: the key serves it, and MAX(sequence) is one seek.
            record.HasKey(e => new { e.TenantId, e.Sequence }).HasName("pk_events");
            record.Property(e => e.Sequence).ValueGeneratedNever();
            record.Property(e => e.Type).HasMaxLength(100);
            record.Property(e => e.ResourceType).HasMaxLength(50);
            record.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).HasConstraintName("fk_events_tenants");
            record.HasQueryFilter(e => e.TenantId == TenantId);
        });

        modelBuilder.Entity<SchemaExtensions.SchemaExtensionRecord>(extension =>
        {
            extension.ToTable("scim_schema_extensions");
            extension.HasKey(e => new { e.TenantId, e.Id }).HasName("pk_scim_schema_extensions");
            extension.Property(e => e.Urn).HasMaxLength(Scim.Schemas.SchemaExtensionReader.MaxUrnLength);
            extension.Property(e => e.UrnKey).HasMaxLength(Scim.Schemas.SchemaExtensionReader.MaxUrnLength);
            extension.Property(e => e.ResourceType).HasMaxLength(20);

            // URNs compare ignoring case: one extension per URN in a tenant.
            extension.HasIndex(e => new { e.TenantId, e.UrnKey }).IsUnique().HasDatabaseName("ux_scim_schema_extensions_urn");
            extension.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).HasConstraintName("fk_scim_schema_extensions_tenants");
            extension.HasQueryFilter(e => e.TenantId == TenantId);
        });

        modelBuilder.Entity<Webhooks.WebhookEndpointRecord>(endpoint =>
        {
            endpoint.ToTable("webhook_endpoints");
            endpoint.HasKey(e => new { e.TenantId, e.Id }).HasName("pk_webhook_endpoints");
            endpoint.Property(e => e.Url).HasMaxLength(Webhooks.WebhookUrl.MaxLength);
            endpoint.Property(e => e.Description).HasMaxLength(1000);
            endpoint.Property(e => e.EventTypes).HasMaxLength(4000);
            endpoint.Property(e => e.DisabledReason).HasMaxLength(500);
            endpoint.Property(e => e.Secret).HasMaxLength(2000);
            endpoint.Property(e => e.PreviousSecret).HasMaxLength(2000);
            endpoint.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).HasConstraintName("fk_webhook_endpoints_tenants");
            endpoint.HasQueryFilter(e => e.TenantId == TenantId);
        });

        modelBuilder.Entity<Webhooks.WebhookDeliveryRecord>(delivery =>
        {
            delivery.ToTable("webhook_deliveries");
            delivery.HasKey(d => new { d.TenantId, d.Id }).HasName("pk_webhook_deliveries");

            // One delivery per event and endpoint; the claim reads an endpoint's deliveries by state in feed order.
            delivery.HasIndex(d => new { d.TenantId, d.EndpointId, d.Sequence }).IsUnique().HasDatabaseName("ux_webhook_deliveries_sequence");
            delivery.HasIndex(d => new { d.TenantId, d.EndpointId, d.State, d.Sequence }).HasDatabaseName("ix_webhook_deliveries_state");

            // "Is an older event of this resource still pending?", asked for every candidate of a claim.
            delivery.HasIndex(d => new { d.TenantId, d.EndpointId, d.ResourceId, d.State, d.Sequence }).HasDatabaseName("ix_webhook_deliveries_resource");
            delivery.Property(d => d.Type).HasMaxLength(100);
            delivery.Property(d => d.State).HasMaxLength(10);
            delivery.Property(d => d.LeaseOwner).HasMaxLength(100);
            delivery.HasOne<Webhooks.WebhookEndpointRecord>().WithMany().HasForeignKey(d => new { d.TenantId, d.EndpointId })
                .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_webhook_deliveries_endpoints");
            delivery.HasQueryFilter(d => d.TenantId == TenantId);
        });

        modelBuilder.Entity<Webhooks.WebhookAttemptRecord>(attempt =>
        {
            attempt.ToTable("webhook_attempts");
            attempt.HasKey(a => new { a.TenantId, a.Id }).HasName("pk_webhook_attempts");
            attempt.HasIndex(a => new { a.TenantId, a.EndpointId, a.Id }).HasDatabaseName("ix_webhook_attempts_endpoint_id");
            attempt.Property(a => a.Type).HasMaxLength(100);
            attempt.Property(a => a.Request).HasMaxLength(4000);
            attempt.Property(a => a.Response).HasMaxLength(1000);
            attempt.Property(a => a.Error).HasMaxLength(1000);
            attempt.HasOne<Webhooks.WebhookEndpointRecord>().WithMany().HasForeignKey(a => new { a.TenantId, a.EndpointId })
                .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_webhook_attempts_endpoints");
            attempt.HasQueryFilter(a => a.TenantId == TenantId);
        });

        modelBuilder.Entity<AccessKeyRecord>(key =>
        {
            key.ToTable("access_keys");
            key.HasKey(k => new { k.TenantId, k.Id }).HasName("pk_access_keys");

            // Like a token's hash, a client_id is looked up before its tenant is known.
            key.HasIndex(k => k.KeyId).IsUnique().HasDatabaseName("ux_access_keys_key_id");
            key.HasIndex(k => new { k.TenantId, k.OwnerId }).HasDatabaseName("ix_access_keys_owner_id");
            key.Property(k => k.KeyId).HasMaxLength(40);
            key.Property(k => k.SecretHint).HasMaxLength(8);
            key.Property(k => k.LastClient).HasMaxLength(200);
            key.Property(k => k.PermissionCeiling).HasMaxLength(1000);
            key.HasOne<UserRecord>().WithMany().HasForeignKey(k => new { k.TenantId, k.OwnerId })
                .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_access_keys_owner");
            key.HasQueryFilter(k => k.TenantId == TenantId);
        });

        modelBuilder.Entity<AppRegistrationRecord>(app =>
        {
            app.ToTable("app_registrations");
            app.HasKey(a => new { a.TenantId, a.Id }).HasName("pk_app_registrations");
            app.HasIndex(a => a.ClientId).IsUnique().HasDatabaseName("ux_app_registrations_client_id");
            app.Property(a => a.ClientId).HasMaxLength(100);
            app.Property(a => a.Name).HasMaxLength(100);
            app.Property(a => a.Description).HasMaxLength(1000);
            app.Property(a => a.Contacts).HasMaxLength(4000);
            app.Property(a => a.ClientType).HasMaxLength(20);
            app.Property(a => a.RedirectUris).HasMaxLength(8000);
            app.Property(a => a.Scopes).HasMaxLength(1000);
            app.Property(a => a.PermissionCeiling).HasMaxLength(1000);
            app.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).HasConstraintName("fk_app_registrations_tenants");
            app.HasQueryFilter(a => a.TenantId == TenantId);
        });

        modelBuilder.Entity<Credentials.ServerKeyRecord>(key =>
        {
            key.ToTable("server_keys");
            key.HasKey(k => k.KeyId).HasName("pk_server_keys");
            key.Property(k => k.KeyId).HasMaxLength(100);
            key.Property(k => k.Purpose).HasMaxLength(50);
        });

        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        Employees.SignInSchema.Configure(modelBuilder);
        Onboarding.OnboardingSchema.Configure(modelBuilder);
        Operators.OperatorSchema.Configure(modelBuilder);
        Sso.SsoSchema.Configure(modelBuilder);

        modelBuilder.ApplyConfiguration(new BadTokenCallConfiguration(this));

        modelBuilder.Entity<ScimCallErrorRecord>(error =>
        {
            error.ToTable("scim_call_errors");
            error.HasKey(e => new { e.TenantId, e.Id }).HasName("pk_scim_call_errors");
            error.HasIndex(e => new { e.TenantId, e.Occurred }).HasDatabaseName("ix_scim_call_errors_occurred");
            error.Property(e => e.Method).HasMaxLength(10);
            error.Property(e => e.Path).HasMaxLength(ScimCallErrors.MaxPathLength);
            error.Property(e => e.ScimType).HasMaxLength(50);
            error.Property(e => e.Detail).HasMaxLength(ScimCallErrors.MaxDetailLength);
            error.Property(e => e.Client).HasMaxLength(200);
            error.Property(e => e.RequestId).HasMaxLength(100);
            error.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).HasConstraintName("fk_scim_call_errors_tenants");
            error.HasQueryFilter(e => e.TenantId == TenantId);
        });

        // OpenIddict's applications, authorizations (consents) and tokens, in Roster's database so
        // that every node shares them (ARCHITECTURE decision 6). Clients carry their tenant in a property.
        modelBuilder.UseOpenIddict();
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("oauth_applications");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("oauth_authorizations");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("oauth_scopes");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("oauth_tokens");

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(SnakeCase.From(property.Name));
            }
        }
    }
}
