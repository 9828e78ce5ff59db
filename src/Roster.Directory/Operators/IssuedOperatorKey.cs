namespace Roster.Directory.Operators;

/// <summary>A new operator key: <see cref="Secret"/> exists only in this answer.</summary>
public sealed record IssuedOperatorKey(OperatorKey Key, string Secret);
