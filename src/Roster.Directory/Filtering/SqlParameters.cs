namespace Roster.Directory.Filtering;

/// <summary>
/// The parameters of one SQL statement. Values only ever reach the database through here,
/// never spliced into the text. The tenant is always the first, <see cref="Tenant"/>.
/// </summary>
public sealed class SqlParameters
{
    /// <summary>The tenant's parameter, with which every generated condition starts.</summary>
    public const string Tenant = "@tenant";

    private readonly List<KeyValuePair<string, object?>> _values = [];

    public SqlParameters(object tenant) => _values.Add(new(Tenant, tenant));

    public IReadOnlyList<KeyValuePair<string, object?>> Values => _values;

    /// <summary>Adds a value and returns its placeholder.</summary>
    public string Add(object? value)
    {
        var name = "@p" + _values.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _values.Add(new(name, value));
        return name;
    }
}
