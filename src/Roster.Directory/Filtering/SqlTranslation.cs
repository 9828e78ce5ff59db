using System.Globalization;

namespace Roster.Directory.Filtering;

/// <summary>The state of one statement being generated: dialect, parameters and fresh aliases.</summary>
internal sealed class SqlTranslation(ISqlDialect dialect, SqlParameters parameters)
{
    private int _aliases;

    public ISqlDialect Dialect { get; } = dialect;

    public SqlParameters Parameters { get; } = parameters;

    public string True => Dialect.BooleanLiteral(true);

    public string False => Dialect.BooleanLiteral(false);

    public string NewAlias(string prefix) => prefix + (_aliases++).ToString(CultureInfo.InvariantCulture);

    public string Add(object? value) => Parameters.Add(value);
}
