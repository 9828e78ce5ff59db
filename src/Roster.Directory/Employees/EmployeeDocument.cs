using System.Text.Json.Nodes;
using Roster.Scim.Schemas;

namespace Roster.Directory.Employees;

/// <summary>
/// Writes an administrator's entries into the user's SCIM document, the one place email, names
/// and roles live, so the SCIM API shows exactly what the console set.
/// </summary>
internal static class EmployeeDocument
{
    public static JsonObject New(string email, string firstName, string lastName, IReadOnlyList<string> roles)
    {
        var document = new JsonObject
        {
            ["schemas"] = new JsonArray(SchemaUris.User),
            ["userName"] = email,
            ["name"] = new JsonObject { ["givenName"] = firstName, ["familyName"] = lastName },
            ["displayName"] = $"{firstName} {lastName}",
            ["emails"] = new JsonArray(new JsonObject { ["value"] = email, ["type"] = "work", ["primary"] = true }),
            ["active"] = true,
        };
        if (roles.Count > 0)
        {
            document["roles"] = RoleEntries(null, roles);
        }

        return document;
    }

    /// <summary>
    /// A copy of <paramref name="document"/> with new names (null keeps each) and, when
    /// <paramref name="roles"/> is given, exactly those roles, the first marked primary: setting
    /// roles by hand replaces them, so a demotion takes the old role away.
    /// </summary>
    public static JsonObject With(JsonObject document, string? firstName, string? lastName, IReadOnlyList<string>? roles)
    {
        var copy = document.DeepClone().AsObject();
        if (firstName is not null || lastName is not null)
        {
            if (copy["name"] is not JsonObject name)
            {
                copy["name"] = name = [];
            }

            if (firstName is not null)
            {
                name["givenName"] = firstName;
            }

            if (lastName is not null)
            {
                name["familyName"] = lastName;
            }
        }

        if (roles is not null)
        {
            if (roles.Count == 0)
            {
                copy.Remove("roles");
            }
            else
            {
                copy["roles"] = RoleEntries(copy["roles"] as JsonArray, roles);
            }
        }

        return copy;
    }

    /// <summary>One entry per role, the first marked primary; an entry kept from <paramref name="existing"/> keeps its other attributes (display, type).</summary>
    private static JsonArray RoleEntries(JsonArray? existing, IReadOnlyList<string> roles)
    {
        var entries = new JsonArray();
        foreach (var role in roles)
        {
            var kept = existing?.OfType<JsonObject>().FirstOrDefault(e => e["value"] is JsonValue v && v.TryGetValue<string>(out var value) && string.Equals(value, role, StringComparison.Ordinal));
            var entry = kept?.DeepClone().AsObject() ?? new JsonObject { ["value"] = role };
            entry.Remove("primary");
            if (entries.Count == 0)
            {
                entry["primary"] = true;
            }

            entries.Add(entry);
        }

        return entries;
    }
}
