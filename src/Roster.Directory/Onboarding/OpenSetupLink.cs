using Roster.Directory.Administration;
using Roster.Directory.Database;

namespace Roster.Directory.Onboarding;

/// <summary>Reads what a setup link would set up, writing nothing: the page shows the form, or why the link does not work.</summary>
public sealed class OpenSetupLink(DirectoryDatabase database)
{
    public async Task<AdminResult<SetupLinkView>> ExecuteAsync(string? token, CancellationToken cancellationToken)
    {
        if (!SetupLinkTokens.TryParse(token, out var tenantId, out var linkId, out var hash))
        {
            return AdminError.Validation(SetupLinkErrors.Invalid);
        }

        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        var (link, refusal) = await SetupLinkCheck.CheckAsync(session, linkId, hash, cancellationToken);
        if (link is null)
        {
            return AdminError.Validation(refusal!);
        }

        return new SetupLinkView(tenantId, await SetupLinkSql.TenantNameAsync(session, cancellationToken) ?? "", link.Expires);
    }
}
