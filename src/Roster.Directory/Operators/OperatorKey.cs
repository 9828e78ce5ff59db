namespace Roster.Directory.Operators;

/// <summary>An operator key as lists show it: never the secret, its last characters only.</summary>
public sealed record OperatorKey(Guid Id, string Name, string Hint, DateTimeOffset Created, DateTimeOffset? Revoked, DateTimeOffset? LastUsed);
