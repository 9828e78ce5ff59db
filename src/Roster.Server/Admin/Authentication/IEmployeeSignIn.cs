using Roster.Directory.Employees;

namespace Roster.Server.Admin.Authentication;

/// <summary>Checks an employee's email and password in one tenant: the seam between the admin API's scheme and the directory.</summary>
public interface IEmployeeSignIn
{
    /// <param name="tenantId">The organization the URL names.</param>
    /// <param name="email">The Basic credentials' user name.</param>
    /// <param name="password">The Basic credentials' password.</param>
    /// <param name="address">The client's address, which failures lock out first.</param>
    /// <param name="cancellationToken">Cancels the sign-in.</param>
    Task<SignInResult> SignInAsync(Guid tenantId, string email, string password, string address, CancellationToken cancellationToken);
}
