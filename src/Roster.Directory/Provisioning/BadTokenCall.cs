namespace Roster.Directory.Provisioning;

/// <summary>SCIM calls refused for one kind of bad token from one client: how many, first and last seen; the token when Roster knows it.</summary>
public sealed record BadTokenCall(string Kind, string Client, Guid? TokenId, long Count, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);
