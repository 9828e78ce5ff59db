using System.Reflection;

namespace Roster.Server.Settings;

/// <summary>One setting: its key (<c>Roster:Limits:MaxPageSize</c>), the property it binds to and its default as text.</summary>
/// <param name="Key">The configuration key, sections separated by <c>:</c>.</param>
/// <param name="Property">The options property it binds to.</param>
/// <param name="DefaultValue">Its default as text; empty when it has none.</param>
public sealed record Setting(string Key, PropertyInfo Property, string DefaultValue)
{
    /// <summary>The environment variable that sets it (<c>Roster__Limits__MaxPageSize</c>).</summary>
    public string EnvironmentVariable => Key.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>A list, set as <c>Key:0</c>, <c>Key:1</c>, ... (<c>Key__0</c> in the environment).</summary>
    public bool IsList => Property.PropertyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(Property.PropertyType);

    /// <summary>Its type as the reference shows it.</summary>
    public string TypeName
    {
        get
        {
            var type = Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType;
            return IsList ? "list of text"
                : type == typeof(bool) ? "true or false"
                : type == typeof(int) || type == typeof(long) ? "integer"
                : type == typeof(double) ? "number"
                : type == typeof(TimeSpan) ? "time span (hh:mm:ss)"
                : type.IsEnum ? string.Join(" or ", Enum.GetNames(type))
                : "text";
        }
    }
}
