namespace Roster.Server.Console.Http;

/// <summary>
/// What a console status page says (<see cref="ConsoleStatusCodePages"/>): the status, the page's
/// own sentence when it gave one, the permissions a refused page needs (any one of them), and the
/// correlation id of a failure.
/// </summary>
public sealed record ConsoleStatus(int Status, string? Detail, IReadOnlyList<string> MissingPermissions, string CorrelationId);
