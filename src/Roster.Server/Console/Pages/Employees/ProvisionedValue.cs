namespace Roster.Server.Console.Pages.Employees;

/// <summary>One value of a multi-valued SCIM attribute (an email, a phone number, an address) as the identity provider sent it.</summary>
public sealed record ProvisionedValue(string? Type, string Value, bool Primary);
