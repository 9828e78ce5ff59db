namespace Roster.Directory.Webhooks;

/// <summary>An endpoint just disabled after failing too long: whom to tell, and how many events became dead letters.</summary>
public sealed record GivenUpEndpoint(Guid TenantId, Guid Id, string Url, long DeadLetters, IReadOnlyList<string> AdministratorEmails);
