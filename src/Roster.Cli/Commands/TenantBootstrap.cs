using Roster.Directory.Administration;
using Roster.Directory.Onboarding;
using Roster.Directory.Operators;
using Roster.Directory.Roles;
using Roster.Directory.Tenants;
using Roster.Directory.Tokens;

namespace Roster.Cli.Commands;

/// <summary>Creates a tenant with its first SCIM token: what <c>init</c> and a first <c>serve</c> do.</summary>
public static class TenantBootstrap
{
    /// <summary>Webex's default and CXone's recommendation: a year.</summary>
    public const int DefaultTokenDays = 365;

    public static async Task<(Tenant Tenant, IssuedScimToken Token)> CreateAsync(IServiceProvider services, string name, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        var tenant = await scope.ServiceProvider.GetRequiredService<CreateTenant>().ExecuteAsync(name, cancellationToken);
        var token = await scope.ServiceProvider.GetRequiredService<IssueOperatorScimToken>().ExecuteAsync(tenant.Id, "First token", time.GetUtcNow().AddDays(DefaultTokenDays), cancellationToken);
        return (tenant, token);
    }

    /// <summary>
    /// The first token of the only tenant, when that tenant has never had one: a first start stopped
    /// after creating the tenant and before its token (two transactions) left it unreachable.
    /// Null when there is nothing to finish.
    /// </summary>
    public static async Task<IssuedScimToken?> FinishAsync(IServiceProvider services, IReadOnlyList<Tenant> tenants, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        using var scope = services.CreateScope();
        if (tenants.Count != 1 || (await scope.ServiceProvider.GetRequiredService<ListScimTokens>().ExecuteAsync(tenants[0].Id, cancellationToken)).Count > 0)
        {
            return null;
        }

        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        return await scope.ServiceProvider.GetRequiredService<IssueOperatorScimToken>().ExecuteAsync(tenants[0].Id, "First token", time.GetUtcNow().AddDays(DefaultTokenDays), cancellationToken);
    }

    public const string AdministratorRole = "Administrator";

    /// <summary>The tenant's "Administrator" role with every permission, so a first employee can be given the whole console.</summary>
    public static async Task<Role> CreateAdministratorRoleAsync(IServiceProvider services, Guid tenantId, CancellationToken cancellationToken)
    {
        var result = await services.GetRequiredService<CreateRole>()
            .ExecuteAsync(CliActor.For(tenantId), AdministratorRole, Permission.All.Select(p => p.Key), cancellationToken);
        return result.IsSuccess ? result.Value : throw new InvalidOperationException(result.Error.Detail);
    }

    /// <summary>A setup link for the tenant's first administrator, valid for a day; refused when it has one.</summary>
    public static Task<AdminResult<IssuedSetupLink>> IssueSetupLinkAsync(IServiceProvider services, Guid tenantId, CancellationToken cancellationToken) =>
        services.GetRequiredService<IssueSetupLink>().ExecuteAsync(OperatorActor.Cli, tenantId, SetupLinkTokens.DefaultLifetime, cancellationToken);

    public static string ConnectorUrl(string publicBaseUrl, Guid orgId) => $"{publicBaseUrl}/scim/v2/{orgId}";
}
