namespace Roster.Directory.Employees;

/// <summary>
/// The tokens of emailed unlock links: the same form as activation tokens (the tenant's org ID
/// and 256 random bits; only the SHA-256 is stored, in <c>users.unlock_hash</c>), kept in their
/// own column so that an unlock token can never activate a profile or set a password, and short-lived.
/// </summary>
internal static class UnlockTokens
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static string New(Guid tenantId) => InvitationTokens.New(tenantId);

    public static string Hash(string token) => InvitationTokens.Hash(token);

    public static Guid? TenantOf(string? token) => InvitationTokens.TenantOf(token);

    /// <summary><paramref name="unlockUrlBase"/> with the token in its fragment, out of every request line and log.</summary>
    public static string Link(string unlockUrlBase, string token) => InvitationTokens.Link(unlockUrlBase, token);
}
