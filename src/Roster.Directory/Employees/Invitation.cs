namespace Roster.Directory.Employees;

/// <summary>
/// An invitation just sent. The activation token is not part of it: it exists only in the
/// email, so nobody but the invited person (not even the inviting administrator) can use it.
/// </summary>
/// <param name="EmployeeId">The invited profile.</param>
/// <param name="Email">Where the invitation went.</param>
/// <param name="Expires">When the link stops working.</param>
public sealed record Invitation(Guid EmployeeId, string Email, DateTimeOffset Expires);
