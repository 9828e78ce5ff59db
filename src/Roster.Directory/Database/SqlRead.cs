using System.Data.Common;

namespace Roster.Directory.Database;

/// <summary>One statement of <see cref="SqlSession.QueryTogetherAsync"/> and what reads each of its rows.</summary>
/// <param name="Sql">The statement; its tenant is checked with the others' (they share one text).</param>
/// <param name="Read">Called once per row the statement answers.</param>
internal sealed record SqlRead(string Sql, Action<DbDataReader> Read);
