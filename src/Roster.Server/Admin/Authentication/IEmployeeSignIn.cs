using Roster.Directory.Employees;

namespace Roster.Server.Admin.Authentication;

/// <summary>Checks an employee's email and password in one tenant: the seam between the admin API's scheme and the directory.</summary>
public interface IEmployeeSignIn
{
    Task<SignInResult> SignInAsync(Guid tenantId, string email, string password, CancellationToken cancellationToken);
}
