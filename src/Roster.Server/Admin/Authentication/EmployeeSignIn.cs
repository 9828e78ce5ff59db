using Roster.Directory.Employees;

namespace Roster.Server.Admin.Authentication;

/// <summary>The directory's <see cref="SignInEmployee"/> behind <see cref="IEmployeeSignIn"/>.</summary>
public sealed class EmployeeSignIn(SignInEmployee signIn) : IEmployeeSignIn
{
    public Task<SignInResult> SignInAsync(Guid tenantId, string email, string password, string address, CancellationToken cancellationToken) =>
        signIn.ExecuteAsync(tenantId, email, password, address, cancellationToken);
}
