using System.Security.Cryptography;
using Roster.Directory.Database;

namespace Roster.Directory.Onboarding;

/// <summary>
/// Whether a presented setup link works now, read in the caller's session: the row named by the
/// token, its hash compared in constant time, unused, unexpired, and the tenant still without an
/// administrator. Used and expired are told apart only once the secret matched.
/// </summary>
internal static class SetupLinkCheck
{
    public static async Task<(SetupLinkRecord? Link, string? Refusal)> CheckAsync(SqlSession session, Guid linkId, byte[] hash, CancellationToken cancellationToken)
    {
        var link = await SetupLinkSql.ReadAsync(session, linkId, cancellationToken);
        if (link is null || !CryptographicOperations.FixedTimeEquals(link.Hash, hash))
        {
            return (null, SetupLinkErrors.Invalid);
        }

        if (link.Used is not null)
        {
            return (null, SetupLinkErrors.Used);
        }

        if (session.Now >= link.Expires)
        {
            return (null, SetupLinkErrors.Expired);
        }

        return await TenantAdministrators.ExistAsync(session, cancellationToken) ? (null, SetupLinkErrors.AdministratorExists) : (link, null);
    }
}
