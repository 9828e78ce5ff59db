namespace Roster.Bench.Running;

/// <summary>A user this run created: the server's id and the userName the IdP knows it by.</summary>
internal sealed record ProvisionedUser(string Id, string UserName);
