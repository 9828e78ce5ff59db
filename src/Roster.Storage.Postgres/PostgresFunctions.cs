using System.Globalization;
using System.Text;
using Roster.Directory.Filtering;

namespace Roster.Storage.Postgres;

/// <summary>
/// The SQL functions the PostgreSQL dialect calls, created (or replaced) by every migration through
/// <see cref="PostgresMigrationsSqlGenerator"/>, so the migration files stay as
/// <c>dotnet ef migrations add</c> writes them.
/// </summary>
internal static class PostgresFunctions
{
    /// <summary>The name of the SQL function that turns xsd:dateTime text into stored-time text.</summary>
    public const string InstantFunctionName = "roster_instant";

    /// <summary>
    /// <see cref="CaseFolding.Fold"/> in SQL. PostgreSQL's <c>upper()</c> follows the database's
    /// locale, which need not be .NET's invariant upper case, so ASCII goes through <c>upper()</c>
    /// under the "C" collation (ASCII only, whatever the locale) and every other character .NET
    /// upper-cases is mapped by a <c>translate()</c> table computed here from .NET itself. IMMUTABLE,
    /// so expression indexes may use it; pure ASCII, the common case, skips the table.
    /// </summary>
    public static string CreateFold()
    {
        var (from, to) = NonAsciiUpperCase();
        return $"""
            CREATE OR REPLACE FUNCTION {CaseFolding.SqlFunctionName}(value text) RETURNS text
            LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
            AS $fold$ SELECT CASE WHEN octet_length(value) = char_length(value) THEN upper(value COLLATE "C")
            ELSE translate(upper(value COLLATE "C"), U&'{from}', U&'{to}') END $fold$;
            """;
    }

    /// <summary>
    /// SQLite's <c>strftime('%Y-%m-%dT%H:%M:%fZ', ...)</c> as the SQLite dialect uses it: an
    /// xsd:dateTime (no offset means UTC) as fixed-width UTC text with milliseconds, NULL when the
    /// text is not one. A cast error (month 13) is caught: a filter never fails on a stored value.
    /// </summary>
    public static string CreateInstant() => $$"""
        CREATE OR REPLACE FUNCTION {{InstantFunctionName}}(value text) RETURNS text
        LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
        AS $instant$
        DECLARE
            trimmed text := btrim(value);
        BEGIN
            IF trimmed !~ '^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?\s*([Zz]|[+-]\d{2}(:?\d{2})?)?$' THEN
                RETURN NULL;
            END IF;
            IF trimmed ~ '([Zz]|[+-]\d{2}(:?\d{2})?)$' AND trimmed ~ 'T|\s' THEN
                RETURN to_char(trimmed::timestamptz AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
            END IF;
            RETURN to_char(trimmed::timestamp, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
        EXCEPTION WHEN others THEN
            RETURN NULL;
        END
        $instant$;
        """;

    // Every code point whose .NET invariant upper case is another single code point, outside ASCII.
    private static (string From, string To) NonAsciiUpperCase()
    {
        var from = new StringBuilder();
        var to = new StringBuilder();
        for (var codePoint = 0x80; codePoint <= 0x10FFFF; codePoint++)
        {
            if (codePoint is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var text = char.ConvertFromUtf32(codePoint);
            var upper = text.ToUpperInvariant();
            if (upper == text || upper.EnumerateRunes().Count() != 1)
            {
                continue;
            }

            Escape(from, codePoint);
            Escape(to, char.ConvertToUtf32(upper, 0));
        }

        return (from.ToString(), to.ToString());
    }

    // U&'' escapes keep the statement ASCII, whatever the client encoding.
    private static void Escape(StringBuilder builder, int codePoint) =>
        builder.Append(codePoint <= 0xFFFF
            ? "\\" + codePoint.ToString("X4", CultureInfo.InvariantCulture)
            : "\\+" + codePoint.ToString("X6", CultureInfo.InvariantCulture));
}
