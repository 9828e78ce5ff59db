namespace Roster.Directory.Provisioning;

/// <summary>Between <see cref="UnknownRolePolicy"/> and its text (stored, admin API, CLI).</summary>
public static class UnknownRolePolicies
{
    public const string Refuse = "refuse";
    public const string Ignore = "ignore";
    public const string DefaultRole = "default-role";

    public static string ToText(UnknownRolePolicy policy) => policy switch
    {
        UnknownRolePolicy.Refuse => Refuse,
        UnknownRolePolicy.Ignore => Ignore,
        UnknownRolePolicy.DefaultRole => DefaultRole,
        _ => throw new ArgumentOutOfRangeException(nameof(policy)),
    };

    public static UnknownRolePolicy? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        Refuse => UnknownRolePolicy.Refuse,
        Ignore => UnknownRolePolicy.Ignore,
        DefaultRole => UnknownRolePolicy.DefaultRole,
        _ => null,
    };
}
