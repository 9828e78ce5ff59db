namespace Roster.Server.Admin.Employees;

/// <summary>The body of <c>POST /api/v1/activation</c>: the token from the invitation link and the chosen password.</summary>
public sealed record ActivationRequest(string? Token, string? Password);
