using Roster.Directory.Credentials;

namespace Roster.Directory.Tokens;

/// <summary>The text of a SCIM token: <c>roster_scim_</c>, then a <see cref="SecretFormat"/> body (58 characters in all).</summary>
internal static class ScimTokenFormat
{
    public const string Prefix = "roster_scim_";

    private static readonly SecretFormat Format = new(Prefix);

    public static int Length => Format.Length;

    public static string Generate() => Format.Generate();

    public static bool IsWellFormed(string? token) => Format.IsWellFormed(token);

    public static byte[] Hash(string token) => SecretFormat.Hash(token);

    public static string Hint(string token) => SecretFormat.Hint(token);
}
