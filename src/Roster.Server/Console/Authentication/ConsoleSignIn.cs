using Roster.Directory.Employees;
using Roster.Directory.Tenants;

namespace Roster.Server.Console.Authentication;

/// <summary>
/// The sign-in form's check: finds the tenant from the email (asking for the org ID only when
/// the email has a profile in several organizations), then lets the directory's
/// <see cref="SignInEmployee"/> check the password, count failures and lock.
/// </summary>
public sealed class ConsoleSignIn(FindEmployeeTenants findTenants, SignInEmployee signIn, ITenantService tenants)
{
    public async Task<ConsoleSignInOutcome> SignInAsync(string email, string password, Guid? orgId, CancellationToken cancellationToken)
    {
        Guid tenantId;
        if (orgId is { } chosen)
        {
            tenantId = chosen;
        }
        else
        {
            var found = await findTenants.ExecuteAsync(email, cancellationToken);
            if (found.Count > 1)
            {
                return ConsoleSignInOutcome.AskForOrganization;
            }

            // No tenant: the directory still hashes the password and answers with its generic
            // failure, so the form takes as long and says the same as for a wrong password.
            tenantId = found.Count == 1 ? found[0] : Guid.Empty;
        }

        var result = await signIn.ExecuteAsync(tenantId, email, password, cancellationToken);
        if (!result.Succeeded || result.Employee is null)
        {
            return ConsoleSignInOutcome.Failed(result.FailureReason ?? SignInFailures.Generic);
        }

        var tenant = await tenants.FindAsync(tenantId, cancellationToken);
        return tenant is null
            ? ConsoleSignInOutcome.Failed(SignInFailures.Generic)
            : new ConsoleSignInOutcome(ConsolePrincipal.Create(tenant, result.Employee, result.Permissions), null, false);
    }
}
