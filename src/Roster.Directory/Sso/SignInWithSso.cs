using System.Text.Json.Nodes;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Domains;
using Roster.Directory.Employees;
using Roster.Directory.Provisioning;
using Roster.Directory.RoleGrants;
using Roster.Directory.Roles;
using Roster.Directory.Sessions;

namespace Roster.Directory.Sso;

/// <summary>
/// Signs a person in on an identity provider's word, once the protocol has checked that word
/// (a SAML response's signature and conditions, an OpenID Connect ID token): finds the profile by
/// email, as password sign-in does; refuses a deactivated or locked one, one bound to another
/// connection, and one holding permissions beyond the connection's ceiling; activates an invited
/// one (audited); and starts a console session like a password sign-in. Without a profile: while
/// SCIM provisioning is on, the IdP's SCIM client is the only source of profiles, so the person
/// is refused; otherwise a connection set to do so makes one just in time through
/// <see cref="CreateEmployee"/> (the tenant's default role, the privilege model with the
/// connection's ceiling as what the maker holds), bound to the connection.
/// </summary>
public sealed class SignInWithSso(DirectoryDatabase database, CreateEmployee create)
{
    /// <summary>The audit log's client for what a sign-in through an IdP changes.</summary>
    public const string Client = "sso";

    public async Task<SsoSignInResult> ExecuteAsync(Guid tenantId, Guid connectionId, SsoIdentity identity, TimeSpan idleTimeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        if (EmailAddress.FromTyped(identity.Email, out var problem) is not { } email)
        {
            return SsoSignInResult.Refused(SsoRefusal.NotAnEmail, $"Your identity provider sent '{Shorten(identity.Email)}' as your email, which Roster cannot use: {problem}. Ask your administrator to send your email address.");
        }

        SsoConnection? connection;
        EmployeeRow? found;
        bool scimOn;
        await using (var read = await database.ReadAsync(tenantId, cancellationToken))
        {
            connection = (await SsoConnectionSql.ReadAsync(read, connectionId, cancellationToken))?.Connection;
            found = await SignInEmployee.FindAsync(read, email, cancellationToken);
            scimOn = (await ScimSettingsSql.ReadAsync(read, cancellationToken)).Enabled;
        }

        if (connection is not { Enabled: true })
        {
            return SsoSignInResult.Refused(SsoRefusal.ConnectionUnavailable, "This single sign-on connection is not available: it was removed or turned off. Sign in from the sign-in page.");
        }

        if (found is null)
        {
            var made = await CreateAsync(tenantId, connection, email, identity, scimOn, cancellationToken);
            if (made is not null)
            {
                return made;
            }
        }

        await using var session = await database.WriteAsync(tenantId, cancellationToken);
        var row = await SignInEmployee.FindAsync(session, email, cancellationToken);
        if (row is null)
        {
            return NoProfile(email, connection, scimOn);
        }

        switch (row.EffectiveStatus)
        {
            case EmployeeStatus.Deactivated:
                return SsoSignInResult.Refused(SsoRefusal.Deactivated, $"The profile of {email.Value} is deactivated, so it cannot sign in; ask an administrator to reactivate it.");
            case EmployeeStatus.Locked:
                return SsoSignInResult.Refused(SsoRefusal.Locked, $"The profile of {email.Value} is locked after too many failed password sign-ins; wait a while, use an emailed unlock link, or ask an administrator to unblock it.");
        }

        if (LoginAuthenticators.ConnectionOf(row.LoginAuthenticator) is { } bound && bound != connectionId)
        {
            var other = (await SsoConnectionSql.ReadAsync(session, bound, cancellationToken))?.Connection.Name ?? "another connection";
            return SsoSignInResult.Refused(SsoRefusal.OtherConnection, $"{email.Value} signs in through '{other}', not through '{connection.Name}'; start again from the sign-in page.");
        }

        var permissions = await RoleGrantSql.PermissionsAsync(session, row.Id, cancellationToken);
        var beyond = connection.Ceiling.Missing(permissions);
        if (beyond.Count > 0)
        {
            return SsoSignInResult.Refused(SsoRefusal.BeyondCeiling,
                $"The connection '{connection.Name}' was last saved by someone who does not hold every permission you hold ({string.Join(", ", beyond.Select(p => p.Key))}), " +
                "so it cannot sign you in. Ask an administrator who holds them to save the connection again, or sign in with your password.");
        }

        if (row.EffectiveStatus == EmployeeStatus.Invited)
        {
            await EmployeeSql.UpdateSignInStateAsync(session, row.Id, EmployeeStatuses.Active, cancellationToken);
            var changes = new JsonObject { ["status"] = new JsonObject { ["before"] = EmployeeStatuses.Invited, ["after"] = EmployeeStatuses.Active }, ["connection"] = connection.Name };
            await AuditTrail.AppendAsync(session, new AuditEntry(null, connectionId, Client, AuditActions.EmployeeActivate, AuditResourceTypes.Employee, row.Id, changes), session.Now, cancellationToken);
            row = await EmployeeSql.ReadAsync(session, row.Id, cancellationToken) ?? row;
        }

        var sessionId = Guid.NewGuid();
        await ConsoleSessionSql.InsertAsync(session, sessionId, row.Id, session.Now + idleTimeout, cancellationToken);
        var roles = await RoleSql.ReadAllAsync(session, cancellationToken);
        await session.CommitAsync(cancellationToken);
        return new SsoSignInResult(EmployeeProjection.From(row, roles), permissions.Keys.ToHashSet(StringComparer.Ordinal), sessionId, null, null);
    }

    // Null when a profile was made (or may already exist), else the refusal.
    private async Task<SsoSignInResult?> CreateAsync(Guid tenantId, SsoConnection connection, EmailAddress email, SsoIdentity identity, bool scimOn, CancellationToken cancellationToken)
    {
        if (scimOn || !connection.JustInTime)
        {
            return NoProfile(email, connection, scimOn);
        }

        var actor = new AdminActor(tenantId, null, connection.Id, Client, connection.Ceiling);
        var draft = new EmployeeDraft(email.Value, Name(identity.GivenName, email.LocalPart), Name(identity.FamilyName, email.Domain), null, connection.Authenticator, BillingAttributes.Default);
        var created = await create.ExecuteAsync(actor, draft, cancellationToken);
        if (created.IsSuccess || created.Error.Kind == AdminErrorKind.Conflict)
        {
            return null;
        }

        return SsoSignInResult.Refused(SsoRefusal.NotCreated,
            $"Roster could not make a profile for {email.Value} on the word of '{connection.Name}': {created.Error.Detail.Replace("your permissions", "the permissions of whoever last saved the connection", StringComparison.Ordinal)} Ask an administrator to create your profile.");
    }

    private static SsoSignInResult NoProfile(EmailAddress email, SsoConnection connection, bool scimOn) => SsoSignInResult.Refused(SsoRefusal.NoProfile, scimOn
        ? $"There is no profile for {email.Value} in this organization. Profiles here come from the identity provider's SCIM provisioning: ask your administrator to assign you to Roster's app there."
        : $"There is no profile for {email.Value} in this organization, and the connection '{connection.Name}' does not create one. Ask an administrator to create your profile.");

    private static string Name(string? given, string fallback)
    {
        var name = given?.Trim() ?? "";
        return name.Length is > 0 and <= EmployeeRules.MaxNameLength ? name : fallback.Length <= EmployeeRules.MaxNameLength ? fallback : fallback[..EmployeeRules.MaxNameLength];
    }

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..100] + "...";
}
