using Roster.Directory.Administration;

namespace Roster.Directory.Roles;

/// <summary>The rule for role names: trimmed, not empty, at most <see cref="MaxLength"/> characters; case is kept and matters.</summary>
internal static class RoleName
{
    public const int MaxLength = 100;

    /// <summary>The request field its errors are about.</summary>
    public const string Field = "name";

    public static AdminResult<string> Parse(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return AdminError.Validation("A role needs a name.") with { Field = Field };
        }

        if (trimmed.Length > MaxLength)
        {
            return AdminError.Validation($"A role name has at most {MaxLength} characters; this one has {trimmed.Length}.") with { Field = Field };
        }

        return trimmed;
    }
}
