using Roster.Directory.Database;
using Roster.Directory.Employees;

namespace Roster.Directory.Sso;

/// <summary>
/// Who may sign in with a password, once the password was right (so the answer may say why): a
/// person whose login authenticator is an SSO connection signs in through it, and in a tenant
/// that is SSO only nobody does but its break-glass administrators, who may always use their
/// password. The console form and the admin API's HTTP Basic both ask this.
/// </summary>
internal static class PasswordPolicy
{
    public const string SsoOnly =
        "This organization signs in with single sign-on only: enter your email on the sign-in page and continue to your identity provider. " +
        "(The admin API accepts passwords only from the organization's break-glass administrators.)";

    public static async Task<string?> RefusalAsync(SqlSession session, EmployeeRow row, CancellationToken cancellationToken)
    {
        var bound = LoginAuthenticators.ConnectionOf(row.LoginAuthenticator);
        var settings = await SsoSettingsSql.ReadAsync(session, cancellationToken);
        if (bound is null && !settings.SsoOnly)
        {
            return null;
        }

        if (settings.BreakGlass.Contains(row.Id))
        {
            return null;
        }

        if (bound is { } connection)
        {
            var name = (await SsoConnectionSql.ReadAsync(session, connection, cancellationToken))?.Connection.Name;
            return $"This account signs in through single sign-on{(name is null ? "" : $" ('{name}')")}, not with a password: enter your email on the sign-in page and continue to your identity provider.";
        }

        return SsoOnly;
    }
}
