using Roster.Directory.Credentials;

namespace Roster.Directory.Operators;

/// <summary>The text of an operator key: <c>roster_op_</c>, then a <see cref="SecretFormat"/> body, so secret scanners know it.</summary>
public static class OperatorKeyFormat
{
    public const string Prefix = "roster_op_";

    private static readonly SecretFormat Format = new(Prefix);

    public static string Generate() => Format.Generate();

    public static bool IsWellFormed(string? key) => Format.IsWellFormed(key);
}
