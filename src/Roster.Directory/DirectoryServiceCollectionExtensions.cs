using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Roster.Directory.AccessKeys;
using Roster.Directory.Apps;
using Roster.Directory.Audit;
using Roster.Directory.Credentials;
using Roster.Directory.Database;
using Roster.Directory.Domains;
using Roster.Directory.Employees;
using Roster.Directory.Filtering;
using Roster.Directory.Groups;
using Roster.Directory.Listing;
using Roster.Directory.Mail;
using Roster.Directory.Provisioning;
using Roster.Directory.Resources;
using Roster.Directory.RoleGrants;
using Roster.Directory.RoleRules;
using Roster.Directory.Roles;
using Roster.Directory.Sessions;
using Roster.Directory.Sso;
using Roster.Directory.Tenants;
using Roster.Directory.Tokens;
using Roster.Directory.Users;

namespace Roster.Directory;

/// <summary>Registers the directory's use cases; a storage package (e.g. <c>AddRosterSqlite</c>) supplies the database.</summary>
public static class DirectoryServiceCollectionExtensions
{
    /// <summary>The key of the Users store among the keyed <see cref="IScimResourceStore"/> services.</summary>
    public const string UsersKey = "Users";

    /// <summary>The key of the Groups store among the keyed <see cref="IScimResourceStore"/> services.</summary>
    public const string GroupsKey = "Groups";

    /// <summary>
    /// Registers <see cref="UserStore"/> and <see cref="GroupStore"/> (also as keyed
    /// <see cref="IScimResourceStore"/> services "Users" and "Groups", each behind the
    /// <see cref="ProvisioningSwitch"/>), the role, SCIM settings, audit and employee use cases, the SCIM token and tenant
    /// services, the mail sender (<see cref="MailServiceCollectionExtensions.AddRosterMail"/> with
    /// default options, a pickup folder, unless a host registered its own), <see cref="DirectoryDatabase"/>, the filter translator, a pass-through write gate
    /// unless the storage registered its own, and <see cref="TimeProvider.System"/> unless a
    /// time provider is registered.
    /// </summary>
    public static IServiceCollection AddRosterDirectory(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IWriteGate, OpenWriteGate>();
        services.TryAddSingleton<DirectoryLimits>();
        services.TryAddSingleton<ListingCacheOptions>();
        services.TryAddSingleton<ListingCache>();
        services.TryAddSingleton<Events.EventSignal>();
        services.TryAddSingleton<Events.EventFeedOptions>();
        services.TryAddSingleton<DirectoryDatabase>();
        services.TryAddSingleton<Events.ReadEventFeed>();
        services.TryAddSingleton<Events.EventRetention>();
        services.TryAddSingleton<Webhooks.WebhookOptions>();
        services.TryAddSingleton<Webhooks.WebhookNetworkPolicy>();
        services.TryAddSingleton<Webhooks.WebhookSecrets>();
        services.TryAddSingleton<Webhooks.CreateWebhookEndpoint>();
        services.TryAddSingleton<Webhooks.ChangeWebhookEndpoint>();
        services.TryAddSingleton<Webhooks.ListWebhookEndpoints>();
        services.TryAddSingleton<SchemaExtensions.ReadTenantSchemas>();
        services.TryAddSingleton<SchemaExtensions.ListSchemaExtensions>();
        services.TryAddSingleton<SchemaExtensions.DefineSchemaExtension>();
        services.TryAddSingleton<SchemaExtensions.ChangeSchemaExtension>();
        services.TryAddSingleton<Webhooks.ListWebhookDeliveries>();
        services.TryAddSingleton<Webhooks.WebhookDispatchStore>();
        services.TryAddSingleton<FilterSqlTranslator>();
        services.AddLogging();
        services.TryAddSingleton<Telemetry.DirectoryChangeLog>();
        services.TryAddSingleton<UserStore>();
        services.TryAddSingleton<GroupStore>();
        services.TryAddSingleton<ScimCallRecorder>();
        services.TryAddSingleton<ScimCallErrors>();
        services.TryAddSingleton<BadTokenCalls>();
        services.TryAddSingleton<UpdateApp>();
        services.TryAddSingleton<ScimSwitchCache>();
        services.TryAddKeyedSingleton<IScimResourceStore>(UsersKey, (provider, _) => Switched(provider, provider.GetRequiredService<UserStore>()));
        services.TryAddKeyedSingleton<IScimResourceStore>(GroupsKey, (provider, _) => Switched(provider, provider.GetRequiredService<GroupStore>()));
        services.TryAddSingleton<ScimTokenVerifier>();
        services.TryAddSingleton<IssueScimToken>();
        services.TryAddSingleton<IssueOperatorScimToken>();
        services.TryAddSingleton<ListScimTokens>();
        services.TryAddSingleton<RevokeScimToken>();
        services.TryAddSingleton<CreateTenant>();
        services.TryAddSingleton<ListTenants>();
        services.TryAddSingleton<FindTenant>();
        services.TryAddSingleton<CreateRole>();
        services.TryAddSingleton<RenameRole>();
        services.TryAddSingleton<SetRolePermissions>();
        services.TryAddSingleton<ActivateRole>();
        services.TryAddSingleton<DeactivateRole>();
        services.TryAddSingleton<GetRole>();
        services.TryAddSingleton<ListRoles>();
        services.TryAddSingleton<CreateRoleRule>();
        services.TryAddSingleton<UpdateRoleRule>();
        services.TryAddSingleton<DeleteRoleRule>();
        services.TryAddSingleton<ListRoleRules>();
        services.TryAddSingleton<PreviewRoleRule>();
        services.TryAddSingleton<ExplainRoles>();
        services.TryAddSingleton<ManualRoleGrants>();
        services.TryAddSingleton<ListUnmatchedRoleValues>();
        services.TryAddSingleton<GetScimSettings>();
        services.TryAddSingleton<UpdateScimSettings>();
        services.TryAddSingleton<ListAuditEvents>();
        services.TryAddSingleton<IPasswordHasher<Employee>>(_ => new PasswordHasher<Employee>());
        services.TryAddSingleton<SignInEmployee>();
        services.TryAddSingleton<FindEmployeeTenants>();
        services.TryAddSingleton<ReadEmployeeAccess>();
        services.TryAddSingleton<UnlockEmployee>();
        services.TryAddSingleton<SendUnlockLink>();
        services.TryAddSingleton<UnlockByLink>();
        services.TryAddSingleton<StartConsoleSession>();
        services.TryAddSingleton<EndConsoleSession>();
        services.TryAddSingleton<RenewConsoleSession>();
        services.TryAddSingleton<CreateEmployee>();
        services.TryAddSingleton<GetEmployee>();
        services.TryAddSingleton<UpdateEmployee>();
        services.TryAddSingleton<SetPersonalPreferences>();
        services.TryAddSingleton<DeleteEmployee>();
        services.TryAddSingleton<ListEmployees>();
        services.TryAddSingleton<ChangeEmployeeGroups>();
        services.TryAddSingleton<InviteEmployee>();
        services.TryAddSingleton<ActivateEmployee>();
        services.TryAddSingleton<Onboarding.IssueSetupLink>();
        services.TryAddSingleton<Onboarding.OpenSetupLink>();
        services.TryAddSingleton<Operators.OperatorKeys>();
        services.TryAddSingleton<Operators.OperatorTenants>();
        services.TryAddSingleton<Operators.OperatorEvents>();
        services.TryAddSingleton<Onboarding.CreateFirstAdministrator>();
        services.TryAddSingleton<AddDomain>();
        services.TryAddSingleton<ListDomains>();
        services.TryAddSingleton<RemoveDomain>();
        services.TryAddSingleton<VerifyDomain>();
        services.TryAddSingleton<IDnsTxtResolver>(provider => new DnsTxtResolver(provider.GetService<DnsTxtResolverOptions>() ?? new DnsTxtResolverOptions()));
        services.TryAddSingleton<OAuthClientRegistry>();
        services.TryAddSingleton<ServerKeys>();
        services.TryAddSingleton<OAuthCredentials>();
        services.TryAddSingleton<CreateAccessKey>();
        services.TryAddSingleton<ListAccessKeys>();
        services.TryAddSingleton<ChangeAccessKey>();
        services.TryAddSingleton<RegisterApp>();
        services.TryAddSingleton<ListApps>();
        services.TryAddSingleton<ChangeApp>();
        services.TryAddSingleton<SsoOptions>();
        services.TryAddSingleton<SsoSecrets>();
        services.TryAddSingleton<SecondFactors.SecondFactorSecrets>();
        services.TryAddSingleton<SecondFactors.Enrolment>();
        services.TryAddSingleton<SecondFactors.VerifySecondFactor>();
        services.TryAddSingleton<SecondFactors.ResetSecondFactor>();
        services.TryAddSingleton<CreateSsoConnection>();
        services.TryAddSingleton<UpdateSsoConnection>();
        services.TryAddSingleton<DeleteSsoConnection>();
        services.TryAddSingleton<ListSsoConnections>();
        services.TryAddSingleton<GetSsoConnection>();
        services.TryAddSingleton<GetSsoSettings>();
        services.TryAddSingleton<UpdateSsoSettings>();
        services.TryAddSingleton<SamlRequests>();
        services.TryAddSingleton<SamlAssertions>();
        services.TryAddSingleton<SignInWithSso>();
        services.TryAddSingleton<DiscoverSsoRealms>();

        // Connection secrets, console cookies and anti-forgery tokens must read on every node, in
        // the CLI and after a restart: the keys live in the database.
        services.AddDataProtection().SetApplicationName("Roster").PersistKeysToDbContext<RosterDbContext>();

        // OpenIddict's stores work on a scoped context; it comes from the same pooled factory,
        // so it sees the provider's connection setup (and, with no tenant set, no tenant's rows).
        services.TryAddScoped(provider => provider.GetRequiredService<IDbContextFactory<RosterDbContext>>().CreateDbContext());
        services.AddOpenIddict().AddCore(core => core.UseEntityFrameworkCore().UseDbContext<RosterDbContext>());

        if (!services.Any(d => d.ServiceType == typeof(IMailSender)))
        {
            services.AddRosterMail(new MailOptions());
        }

        return services;
    }

    private static ProvisioningSwitch Switched(IServiceProvider provider, IScimResourceStore store) =>
        new(store, provider.GetRequiredService<ScimSwitchCache>(), provider.GetRequiredService<ScimCallRecorder>());
}
