using System.Globalization;
using System.Text.Json.Nodes;
using Roster.Scim.Errors;
using Roster.Scim.Filtering;
using Roster.Scim.Schemas;

namespace Roster.Scim.Resources;

/// <summary>
/// How many values one multi-valued attribute of a resource may hold (<c>emails</c>,
/// <c>phoneNumbers</c>, <c>addresses</c>, <c>roles</c>, <c>entitlements</c>, ...). A PATCH costs
/// in proportion to its operations times the values they filter, and a resource of thousands of
/// emails made a 1,000-operation PATCH take seconds. Read-only attributes (<c>groups</c>) are
/// derived and not counted. A write may not make an attribute grow past the limit; one that
/// leaves it as large as it was, or smaller, passes, so data stored before the limit stays writable.
/// </summary>
public static class MultiValuedLimit
{
    /// <summary>Null when every multi-valued attribute of <paramref name="resource"/> is within <paramref name="max"/> values or did not grow.</summary>
    /// <param name="previous">The stored resource before the write; null on create.</param>
    /// <param name="resource">The resource about to be stored.</param>
    /// <param name="resourceType">Its type, whose schemas say which attributes are multi-valued.</param>
    /// <param name="max">The most values one attribute may hold.</param>
    public static ScimError? Check(JsonObject? previous, JsonObject resource, ResourceTypeDefinition resourceType, int max)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(resourceType);
        foreach (var schema in resourceType.AllSchemas)
        {
            var container = AttributeLookup.Container(resource, resourceType, ReferenceEquals(schema, resourceType.Schema) ? null : schema.Id);
            if (container is null)
            {
                continue;
            }

            foreach (var attribute in schema.Attributes.Where(a => a.MultiValued && a.Mutability != Mutability.ReadOnly))
            {
                var count = Count(container, attribute.Name);
                if (count <= max)
                {
                    continue;
                }

                var before = previous is null ? 0 : Count(AttributeLookup.Container(previous, resourceType, ReferenceEquals(schema, resourceType.Schema) ? null : schema.Id), attribute.Name);
                if (count > before)
                {
                    return ScimError.InvalidValue(string.Create(
                        CultureInfo.InvariantCulture,
                        $"'{attribute.Name}' would hold {count:N0} values; this server keeps at most {max:N0} in one attribute of a {resourceType.Name} (advertised in /ServiceProviderConfig). Remove values, or send fewer."));
                }
            }
        }

        return null;
    }

    private static int Count(JsonObject? container, string name) =>
        container is not null && ScimJson.Property(container, name) is JsonArray values ? values.Count : 0;
}
