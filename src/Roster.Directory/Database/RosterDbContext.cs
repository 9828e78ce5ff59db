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

        // One line per entity; its configuration lives in its feature folder. A tenant-owned
        // entity's configuration is given this context for its query filter on TenantId: EF Core
        // reads the value from the context that runs the query, not from this one.
        modelBuilder.ApplyConfiguration(new TenantConfiguration());
        modelBuilder.ApplyConfiguration(new ScimTokenConfiguration(this));
        modelBuilder.ApplyConfiguration(new UserConfiguration(this));
        modelBuilder.ApplyConfiguration(new UserEmailConfiguration(this));
        modelBuilder.ApplyConfiguration(new GroupConfiguration(this));
        modelBuilder.ApplyConfiguration(new GroupMemberConfiguration(this));
        modelBuilder.ApplyConfiguration(new RoleConfiguration(this));
        modelBuilder.ApplyConfiguration(new ScimSettingsConfiguration(this));
        modelBuilder.ApplyConfiguration(new RoleRuleConfiguration(this));
        modelBuilder.ApplyConfiguration(new RoleGrantConfiguration(this));
        modelBuilder.ApplyConfiguration(new UnmatchedRoleValueConfiguration(this));
        modelBuilder.ApplyConfiguration(new VerifiedDomainConfiguration(this));
        modelBuilder.ApplyConfiguration(new AuditEventConfiguration(this));
        modelBuilder.ApplyConfiguration(new Events.EventConfiguration(this));
        modelBuilder.ApplyConfiguration(new SchemaExtensions.SchemaExtensionConfiguration(this));
        modelBuilder.ApplyConfiguration(new Webhooks.WebhookEndpointConfiguration(this));
        modelBuilder.ApplyConfiguration(new Webhooks.WebhookDeliveryConfiguration(this));
        modelBuilder.ApplyConfiguration(new Webhooks.WebhookAttemptConfiguration(this));
        modelBuilder.ApplyConfiguration(new AccessKeyConfiguration(this));
        modelBuilder.ApplyConfiguration(new AppRegistrationConfiguration(this));
        modelBuilder.ApplyConfiguration(new Credentials.ServerKeyConfiguration());
        modelBuilder.ApplyConfiguration(new ScimCallErrorConfiguration(this));
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        Employees.SignInSchema.Configure(modelBuilder);
        Onboarding.OnboardingSchema.Configure(modelBuilder);
        Operators.OperatorSchema.Configure(modelBuilder);
        Sso.SsoSchema.Configure(modelBuilder);
        modelBuilder.ApplyConfiguration(new SecondFactors.SecondFactorConfiguration());
        modelBuilder.ApplyConfiguration(new SecondFactors.RecoveryCodeConfiguration());
        modelBuilder.ApplyConfiguration(new BadTokenCallConfiguration(this));

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
