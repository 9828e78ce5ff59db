using Roster.Directory.SecondFactors;

namespace Roster.Server.Admin.Employees;

/// <summary>A person's second factor as <c>GET /employees/{id}/second-factor</c> shows it: never the secret.</summary>
public sealed record SecondFactorDocument(bool Enrolled, int RecoveryCodesLeft, bool Required)
{
    public static SecondFactorDocument From(SecondFactorStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new(status.Enrolled, status.RecoveryCodesLeft, status.Required);
    }
}
