using System.Data.Common;
using System.Text;
using Npgsql;
using Roster.Directory.Filtering;
using Roster.Scim.Schemas;

namespace Roster.Storage.Postgres;

/// <summary>
/// PostgreSQL's SQL: uuid keys, timestamptz times, jsonb documents read with the jsonb operators,
/// and the functions of <see cref="PostgresFunctions"/>. Text taken out of documents is put in
/// the "C" collation, as the columns are (<see cref="PostgresModelCustomizer"/>), so that it
/// sorts by code point like SQLite and the in-memory evaluator, whatever the database's locale.
/// </summary>
public sealed class PostgresDialect : ISqlDialect
{
    // Present and not empty (RFC 7644 "pr"): some leaf below is a number, a boolean or a non-empty string.
    private const string LeafWithValue =
        "'strict $.** ? (@.type() == \"number\" || @.type() == \"boolean\" || (@.type() == \"string\" && @ != \"\"))'";

    private const string TimestampFormat = "'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"'";

    public object Key(Guid value) => value;

    public Guid ReadKey(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.GetGuid(ordinal);
    }

    // Npgsql writes only UTC offsets to timestamptz.
    public object Timestamp(DateTimeOffset value) => value.ToUniversalTime();

    public DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.GetFieldValue<DateTimeOffset>(ordinal);
    }

    public object Number(decimal value) => value;

    public object BooleanValue(bool value) => value;

    public string BooleanLiteral(bool value) => value ? "TRUE" : "FALSE";

    public string TimestampText(string timestampExpression) =>
        $"(to_char({timestampExpression} AT TIME ZONE 'UTC', {TimestampFormat}) COLLATE \"C\")";

    public string Instant(string textExpression) => $"({PostgresFunctions.InstantFunctionName}({textExpression}) COLLATE \"C\")";

    public string KeyText(string keyExpression) => $"({keyExpression}::text COLLATE \"C\")";

    public string Fold(string textExpression) => $"{CaseFolding.SqlFunctionName}({textExpression})";

    public string Contains(string text, string pattern) => $"strpos({text}, {pattern}) > 0";

    public string StartsWith(string text, string pattern) => $"starts_with({text}, {pattern})";

    public string EndsWith(string text, string pattern) =>
        $"(length({text}) >= length({pattern}) AND right({text}, length({pattern})) = {pattern})";

    public string Document(string parameter) => $"CAST({parameter} AS jsonb)";

    public string JsonValue(string json, DocumentPath path, AttributeType type) => Scalar($"({json} #> {PathLiteral(path)})", type);

    public string JsonPresent(string json, DocumentPath path) =>
        $"COALESCE(jsonb_path_exists({json} #> {PathLiteral(path)}, {LeafWithValue}), FALSE)";

    // SQLite's json_each visits a lone value as one element; a non-array is wrapped to do the same.
    public string JsonElements(string json, DocumentPath path, string elementAlias)
    {
        var value = $"({json} #> {PathLiteral(path)})";
        return $"jsonb_array_elements(CASE jsonb_typeof({value}) WHEN 'array' THEN {value} WHEN 'null' THEN '[]'::jsonb " +
            $"ELSE COALESCE(jsonb_build_array({value}), '[]'::jsonb) END) WITH ORDINALITY AS {elementAlias}(value, ordinality)";
    }

    public string ElementJson(string elementAlias) => $"{elementAlias}.value";

    public string ElementValue(string elementAlias, AttributeType type) => Scalar($"{elementAlias}.value", type);

    public string ElementPresent(string elementAlias) => $"COALESCE(jsonb_path_exists({elementAlias}.value, {LeafWithValue}), FALSE)";

    public string ElementIndex(string elementAlias) => $"{elementAlias}.ordinality";

    // A transaction-scoped advisory lock per tenant: held by the database, so it orders the writers
    // of every Roster node sharing it, and released by COMMIT or ROLLBACK. Tenants write in parallel.
    public string? SerializeTenantWrites(string tenantParameter) =>
        $"SELECT pg_advisory_xact_lock(hashtextextended(CAST({tenantParameter} AS text), 0))";

    /// <summary>The channel on which every node hears that a tenant's feed has grown; the payload is the org ID.</summary>
    public const string EventsChannel = "roster_events";

    public string? NotifyEvents(string tenantParameter) => $"SELECT pg_notify('{EventsChannel}', CAST({tenantParameter} AS text))";

    // A statement that replaces many rows at once can leave the planner believing the table empty
    // until autovacuum analyses it again (a minute or more): when autovacuum sampled it while the
    // old rows were deleted and the new ones not yet committed, reltuples became 0, and every plan
    // made meanwhile counts each index as free, so a credential check on role_grants by user took
    // the rule index, read the tenant's every grant and cost 150 ms instead of 0.1. ANALYZE samples
    // at most 30,000 rows whatever the table's size. It waits at most a second for autovacuum's
    // lock on the table, then gives up: the write it follows has committed either way.
    public string? RefreshStatistics(string table) => $"SET LOCAL lock_timeout = '1s'; ANALYZE {table}";

    // The COMMIT rides in the command of the transaction's last statement: one round trip fewer
    // per write. The statements of a command run in order until the first error, after which
    // PostgreSQL skips the rest, COMMIT included, and the transaction is left to roll back.
    public bool CommitsWithLastStatement => true;

    public string ClaimRows => " FOR UPDATE SKIP LOCKED";

    // 2,500 parameters a statement, far under the protocol's 65,535.
    public int RowsPerInsert => 500;

    public bool IsUniqueViolation(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    // SET LOCAL statement_timeout. The statements of one command run in one implicit transaction
    // (the protocol's Sync ends it), which the setting does not outlive; the server starts each
    // statement's timer when it begins the statement, so the statements after it get the budget.
    public string? StatementTimeout(string millisecondsParameter) => $"SELECT set_config('statement_timeout', {millisecondsParameter}, true)";

    public IDisposable? LimitStatement(DbConnection connection, TimeSpan budget) => null;

    // 57014 is also a cancel the client asked for, but Npgsql reports that one as an OperationCanceledException.
    public bool IsStatementTimeout(DbException exception) =>
        exception is PostgresException { SqlState: PostgresErrorCodes.QueryCanceled };

    // A jsonb value as a scalar comparable with the dialect's parameters: booleans (also "True"
    // strings, an Entra ID habit) as boolean, numbers as numeric, anything else as its text.
    private static string Scalar(string value, AttributeType type) => type switch
    {
        AttributeType.Boolean =>
            $"(CASE jsonb_typeof({value}) WHEN 'boolean' THEN ({value})::boolean WHEN 'string' THEN " +
            $"(CASE upper(btrim({value} #>> '{{}}')) WHEN 'TRUE' THEN TRUE WHEN 'FALSE' THEN FALSE END) END)",
        AttributeType.Integer or AttributeType.Decimal =>
            $"(CASE jsonb_typeof({value}) WHEN 'number' THEN ({value})::numeric END)",
        _ => $"((CASE WHEN jsonb_typeof({value}) NOT IN ('object', 'array') THEN {value} #>> '{{}}' END) COLLATE \"C\")",
    };

    // Keys come from schema definitions and DocumentPath refuses quotes and backslashes, so quoting
    // each element of the text[] literal is enough.
    private static string PathLiteral(DocumentPath path)
    {
        var builder = new StringBuilder("'{");
        builder.AppendJoin(',', path.Keys.Select(key => $"\"{key}\""));
        return builder.Append("}'").ToString();
    }
}
