using Microsoft.AspNetCore.Authorization;
using Roster.Directory.Audit;
using Roster.Directory.Provisioning;
using Roster.Server.Console.Activity;
using Roster.Server.Console.Authentication;

namespace Roster.Server.Console.Pages.Provisioning;

/// <summary>
/// What each identity provider did: problems and refused requests first, then counts per IdP (creates, updates,
/// deactivations, deletes, group changes), provisioning events per day, and the latest events.
/// Calls refused for a bad token (the commonest "Test connection" failure) are counted, not listed.
/// Every credential is shown by its name and its owner, linked to the owner's profile.
/// </summary>
[Authorize(Policy = ConsolePolicies.AuditView)]
public sealed class ActivityModel(
    ListAuditEvents audit, GetScimSettings settings, ScimCallErrors errors, BadTokenCalls badTokens, ListUnmatchedRoleValues unmatched, CredentialNames credentials, TimeProvider time)
    : ConsolePageModel
{
    public const int LatestShown = 25;

    public ProvisioningActivity Activity { get; private set; } = null!;

    public ScimSettings Settings { get; private set; } = null!;

    public IReadOnlyList<string> Problems { get; private set; } = [];

    /// <summary>The latest SCIM requests Roster refused, newest first.</summary>
    public IReadOnlyList<ScimCallError> Errors { get; private set; } = [];

    /// <summary>Calls to this organization's SCIM URL refused for an unknown, expired or revoked token, most recent first.</summary>
    public IReadOnlyList<BadTokenCall> BadTokens { get; private set; } = [];

    /// <summary>The credentials of this page's rows, by name and owner.</summary>
    public IReadOnlyDictionary<Guid, CredentialName> Credentials { get; private set; } = new Dictionary<Guid, CredentialName>();

    /// <summary>Roles values that named no role and were let through by the tenant's policy, most recent first.</summary>
    public IReadOnlyList<UnmatchedRoleValue> UnmatchedRoles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Activity = await ProvisioningActivity.ReadAsync(audit, OrgId, time.GetUtcNow(), cancellationToken);
        Settings = await settings.ExecuteAsync(OrgId, cancellationToken);
        Problems = ProvisioningProblems.Of(T, Settings);
        Errors = await errors.LatestAsync(OrgId, time.GetUtcNow().AddDays(-ProvisioningActivity.Days), LatestShown, cancellationToken);
        BadTokens = await badTokens.LatestAsync(OrgId, time.GetUtcNow().AddDays(-ProvisioningActivity.Days), LatestShown, cancellationToken);
        UnmatchedRoles = await unmatched.ExecuteAsync(OrgId, LatestShown, cancellationToken);
        Credentials = await credentials.ReadAsync(
            OrgId, [.. Errors.Select(e => e.CredentialId), .. BadTokens.Select(b => b.TokenId), .. Activity.Events.Take(LatestShown).Select(e => e.CredentialId)], cancellationToken);
    }
}
