using Roster.Directory.Administration;

namespace Roster.Server.Console.Pages;

/// <summary>Which box of a console form a refusal belongs next to.</summary>
public static class FormFields
{
    /// <summary>
    /// The page property for the request field the refusing rule named (<see cref="AdminError.Field"/>,
    /// the admin API's camelCase name; the console's properties are the same words in PascalCase), or
    /// null when the rule named none. Read from the field, never from the wording, so rewording a
    /// message cannot move it to another box.
    /// </summary>
    public static string? BoxOf(AdminError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Field is { Length: > 0 } field ? char.ToUpperInvariant(field[0]) + field[1..] : null;
    }
}
