namespace Roster.Directory.RoleGrants;

/// <summary>Between <see cref="RoleGrantSource"/> and the text of <c>role_grants.source</c>.</summary>
public static class RoleGrantSources
{
    public static string ToText(RoleGrantSource source) => source switch
    {
        RoleGrantSource.Sent => "sent",
        RoleGrantSource.Alias => "alias",
        RoleGrantSource.Group => "group",
        RoleGrantSource.Default => "default",
        RoleGrantSource.Required => "required",
        RoleGrantSource.Fallback => "fallback",
        RoleGrantSource.Manual => "manual",
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    public static RoleGrantSource Parse(string text) => text switch
    {
        "sent" => RoleGrantSource.Sent,
        "alias" => RoleGrantSource.Alias,
        "group" => RoleGrantSource.Group,
        "default" => RoleGrantSource.Default,
        "required" => RoleGrantSource.Required,
        "fallback" => RoleGrantSource.Fallback,
        "manual" => RoleGrantSource.Manual,
        _ => throw new FormatException($"'{text}' is not a role grant source."),
    };
}
