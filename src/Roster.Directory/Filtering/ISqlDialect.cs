using System.Data.Common;
using Roster.Scim.Schemas;

namespace Roster.Directory.Filtering;

/// <summary>
/// What differs between databases in the SQL the directory writes: how keys, times and numbers
/// are bound and read, JSON access to documents, case folding, substring tests and error
/// codes. SQLite's lives in Roster.Storage.Sqlite, PostgreSQL's in Roster.Storage.Postgres.
/// </summary>
public interface ISqlDialect
{
    /// <summary>The parameter value of a GUID key (tenant_id, id, member_id).</summary>
    object Key(Guid value);

    Guid ReadKey(DbDataReader reader, int ordinal);

    /// <summary>The parameter value of a stored time.</summary>
    object Timestamp(DateTimeOffset value);

    DateTimeOffset ReadTimestamp(DbDataReader reader, int ordinal);

    /// <summary>The parameter value compared with a JSON number.</summary>
    object Number(decimal value);

    /// <summary>The parameter value compared with a boolean column or JSON boolean.</summary>
    object BooleanValue(bool value);

    /// <summary>A constant condition.</summary>
    string BooleanLiteral(bool value);

    /// <summary>A stored time column as <see cref="Resources.ScimDateTime"/> text.</summary>
    string TimestampText(string timestampExpression);

    /// <summary>
    /// An xsd:dateTime text expression (any offset) as <see cref="Resources.ScimDateTime"/>
    /// text, so instants compare as text; NULL when it is not a dateTime.
    /// </summary>
    string Instant(string textExpression);

    /// <summary>A GUID key expression as its canonical text (lower case, with hyphens).</summary>
    string KeyText(string keyExpression);

    /// <summary>Applies <see cref="CaseFolding.Fold"/> to a text expression.</summary>
    string Fold(string textExpression);

    string Contains(string text, string pattern);

    string StartsWith(string text, string pattern);

    string EndsWith(string text, string pattern);

    /// <summary>A parameter holding a resource document's JSON text, as the document column's type.</summary>
    string Document(string parameter);

    /// <summary>
    /// The scalar at <paramref name="path"/> of a JSON expression, NULL when absent, in a form
    /// that compares with parameters of <paramref name="type"/>: booleans (also those stored as
    /// "True"/"False" strings) as the <see cref="BooleanValue"/> value, dateTimes as their text.
    /// </summary>
    string JsonValue(string json, DocumentPath path, AttributeType type);

    /// <summary>A condition, never NULL: the value at <paramref name="path"/> is present and not empty.</summary>
    string JsonPresent(string json, DocumentPath path);

    /// <summary>A FROM item with one row per element of the JSON array at <paramref name="path"/>.</summary>
    string JsonElements(string json, DocumentPath path, string elementAlias);

    /// <summary>An element of <see cref="JsonElements"/> as JSON, to read its sub-attributes.</summary>
    string ElementJson(string elementAlias);

    /// <summary>An element of <see cref="JsonElements"/> as a scalar of <paramref name="type"/>.</summary>
    string ElementValue(string elementAlias, AttributeType type);

    /// <summary>A condition, never NULL: the scalar element is present and not empty.</summary>
    string ElementPresent(string elementAlias);

    /// <summary>The position of an element in its array, for "first element" ordering.</summary>
    string ElementIndex(string elementAlias);

    /// <summary>
    /// A statement run first in every write transaction so that one tenant's writers go one after
    /// the other, as the use cases' read-then-write steps expect; null where the database already
    /// admits one writer at a time (SQLite, with <see cref="Database.IWriteGate"/>). It answers one
    /// row, and is sent in front of the transaction's first statement, in the same command.
    /// </summary>
    string? SerializeTenantWrites(string tenantParameter);

    /// <summary>
    /// A statement, run in a write transaction that appended events, that wakes the other nodes'
    /// feed readers and webhook senders when it commits; null where one process owns the database
    /// (SQLite), whose commits are signalled in the process (<see cref="Events.EventSignal"/>).
    /// </summary>
    string? NotifyEvents(string tenantParameter);

    /// <summary>
    /// Whether a write transaction may end with a <c>COMMIT</c> in the same command as its last
    /// statement (<see cref="Database.SqlSession.ExecuteLastAsync"/>): true where the database is
    /// another process, each command a round trip; false where it runs in Roster's process (SQLite),
    /// whose commit costs no wait for a reply.
    /// </summary>
    bool CommitsWithLastStatement { get; }

    /// <summary>
    /// Statements that refresh the planner's statistics of <paramref name="table"/> (a name from
    /// code, never from a request), run in a transaction of their own after a commit that changed
    /// many of its rows; null where the database's plans do not depend on them (SQLite, which
    /// Roster never analyses, plans from its indexes' shapes alone).
    /// </summary>
    string? RefreshStatistics(string table);

    /// <summary>
    /// What ends a SELECT that claims rows for this transaction alone, skipping rows another
    /// transaction claims meanwhile (<c>FOR UPDATE SKIP LOCKED</c>); empty where writers already
    /// go one at a time (SQLite).
    /// </summary>
    string ClaimRows { get; }

    /// <summary>
    /// How many rows one multi-row INSERT carries when a change writes many (the events of a rule
    /// over a big group). SQLite's driver finds each parameter by name among the statement's, so
    /// binding grows with the square of a statement's parameters and small statements win;
    /// PostgreSQL pays a round trip per statement, so big ones win.
    /// </summary>
    int RowsPerInsert { get; }

    /// <summary>True when the exception is a unique-constraint violation.</summary>
    bool IsUniqueViolation(DbException exception);

    /// <summary>
    /// A statement that stops the statements after it in the same command past
    /// <paramref name="millisecondsParameter"/> ms, and lasts no longer than that command
    /// (PostgreSQL's <c>statement_timeout</c>, local to the implicit transaction in which one
    /// command's statements run); a read session sends it in front of each statement. It answers
    /// one row. Null where <see cref="LimitStatement"/> does it statement by statement (SQLite).
    /// </summary>
    string? StatementTimeout(string millisecondsParameter);

    /// <summary>
    /// Arms a deadline of <paramref name="budget"/> for the statement about to run on
    /// <paramref name="connection"/>, which the database stops past it (SQLite's progress
    /// handler); disposing disarms it. Null where <see cref="StatementTimeout"/> does it.
    /// </summary>
    IDisposable? LimitStatement(DbConnection connection, TimeSpan budget);

    /// <summary>True when the exception is a statement stopped past its time budget.</summary>
    bool IsStatementTimeout(DbException exception);

    /// <summary>
    /// The command of <paramref name="sql"/> that <paramref name="connection"/> keeps prepared
    /// across sessions (SQLite: its connections stay open between requests, so preparing a hot
    /// statement once per connection saves doing it on every request); the caller sets its
    /// transaction and parameters, runs it and does not dispose it. Null where commands are made
    /// anew for each statement.
    /// </summary>
    DbCommand? KeptCommand(DbConnection connection, string sql) => null;
}
