using System.Text.Json.Nodes;
using Roster.Scim.Schemas;

namespace Roster.Directory.Employees;

/// <summary>
/// Writes an administrator's entries into the user's SCIM document, the one place email, names
/// and roles live, so the SCIM API shows exactly what the console set.
/// </summary>
internal static class EmployeeDocument
{
    public static JsonObject New(string email, string firstName, string lastName, string? primaryRole)
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
        if (primaryRole is not null)
        {
            document["roles"] = new JsonArray(new JsonObject { ["value"] = primaryRole, ["primary"] = true });
        }

        return document;
    }

    /// <summary>A copy of <paramref name="document"/> with new names and primary role (null keeps each).</summary>
    public static JsonObject With(JsonObject document, string? firstName, string? lastName, string? primaryRole)
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

        if (primaryRole is not null)
        {
            if (copy["roles"] is not JsonArray roles)
            {
                copy["roles"] = roles = [];
            }

            // The new primary role is marked primary and every other entry loses the mark; the IdP's other roles stay.
            var found = false;
            foreach (var entry in roles.OfType<JsonObject>())
            {
                var isTarget = entry["value"] is JsonValue v && v.TryGetValue<string>(out var value) && string.Equals(value, primaryRole, StringComparison.Ordinal);
                if (isTarget && !found)
                {
                    entry["primary"] = true;
                    found = true;
                }
                else
                {
                    entry.Remove("primary");
                }
            }

            if (!found)
            {
                roles.Insert(0, new JsonObject { ["value"] = primaryRole, ["primary"] = true });
            }
        }

        return copy;
    }
}
