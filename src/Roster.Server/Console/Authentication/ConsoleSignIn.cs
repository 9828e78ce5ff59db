using Roster.Directory.Employees;
using Roster.Directory.SecondFactors;
using Roster.Directory.Sessions;
using Roster.Directory.Tenants;

namespace Roster.Server.Console.Authentication;

/// <summary>
/// The sign-in form's check. Without an organization ID, the password is checked in the
/// organization of the email's oldest profile (one check, as for an email in one organization
/// or in none, so the work and the answer do not tell how many organizations know the email);
/// only when it is right, and the email has profiles in other organizations too, is the person
/// asked which one. The directory's <see cref="SignInEmployee"/> checks the password, counts
/// failures and locks; a success records a server-side session (<see cref="StartConsoleSession"/>),
/// unless a second factor is asked for first (<see cref="ConsoleSignInOutcome.SecondStep"/>).
/// </summary>
public sealed class ConsoleSignIn(FindEmployeeTenants findTenants, SignInEmployee signIn, FindTenant findTenant, StartConsoleSession startSession)
{
    public async Task<ConsoleSignInOutcome> SignInAsync(string email, string password, Guid? orgId, string address, CancellationToken cancellationToken)
    {
        Guid tenantId;
        var others = false;
        if (orgId is { } chosen)
        {
            tenantId = chosen;
        }
        else
        {
            // No tenant: the directory still hashes the password and answers with its generic
            // failure, so the form takes as long and says the same as for a wrong password.
            var found = await findTenants.ExecuteAsync(email, cancellationToken);
            tenantId = found.Count == 0 ? Guid.Empty : found[0];
            others = found.Count > 1;
        }

        var result = await signIn.ExecuteAsync(tenantId, email, password, address, cancellationToken);
        if (others && result.PasswordMatched)
        {
            return ConsoleSignInOutcome.AskForOrganization;
        }

        if (result.NeedsSingleSignOn)
        {
            return ConsoleSignInOutcome.Failed(result.FailureReason ?? SignInFailures.Generic) with { SingleSignOnOrganization = tenantId };
        }

        if (result.SecondFactor != SecondFactorStep.None && result.Employee is not null)
        {
            return new ConsoleSignInOutcome(null, null, false) { SecondStep = (tenantId, result.Employee.Id, result.SecondFactor) };
        }

        if (!result.Succeeded || result.Employee is null)
        {
            return ConsoleSignInOutcome.Failed(result.FailureReason ?? SignInFailures.Generic);
        }

        return await StartSessionAsync(tenantId, result, cancellationToken);
    }

    /// <summary>Records the session of a complete sign-in (password, and the second step when there is one) and answers its principal.</summary>
    public async Task<ConsoleSignInOutcome> StartSessionAsync(Guid tenantId, SignInResult result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(result);
        var tenant = await findTenant.ExecuteAsync(tenantId, cancellationToken);
        if (!result.Succeeded || result.Employee is null || tenant is null)
        {
            return ConsoleSignInOutcome.Failed(result.FailureReason ?? SignInFailures.Generic);
        }

        var session = await startSession.ExecuteAsync(tenantId, result.Employee.Id, ConsoleAuthentication.IdleTimeout, cancellationToken);
        return new ConsoleSignInOutcome(ConsolePrincipal.Create(tenant, result.Employee, result.Permissions, session), null, false);
    }
}
