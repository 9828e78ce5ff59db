using System.Text.Json.Nodes;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Employees;
using Roster.Directory.RoleGrants;

namespace Roster.Directory.SecondFactors;

/// <summary>
/// A person sets up their own authenticator app: <see cref="StartAsync"/> makes a 160-bit secret
/// (kept unconfirmed, so sign-in does not ask for it yet; starting again replaces it),
/// <see cref="ConfirmAsync"/> takes the first code the app shows, confirms the factor and answers
/// ten recovery codes, shown once and stored as hashes. A person with a confirmed app removes it
/// first (<see cref="ResetSecondFactor"/>). Audited as <c>second_factor.enrol</c>, credited to the person.
/// </summary>
public sealed class Enrolment(DirectoryDatabase database, SecondFactorSecrets secrets, TimeProvider time)
{
    public const string Issuer = "Roster";

    public async Task<AdminResult<EnrolmentStart>> StartAsync(Guid tenantId, Guid userId, CancellationToken cancellationToken)
    {
        var secret = TotpCodes.NewSecret();
        return await database.AdminWriteAsync<EnrolmentStart>(tenantId, async session =>
        {
            if (await EmployeeSql.ReadAsync(session, userId, cancellationToken) is not { } row)
            {
                return AdminError.NotFound("There is no such person in this organization.");
            }

            if (await SecondFactorSql.ReadAsync(session, userId, cancellationToken) is { Confirmed: not null })
            {
                return AdminError.Conflict("An authenticator app is already set up. Remove it first to set up another.");
            }

            await SecondFactorSql.ReplaceAsync(session, userId, secrets.Protect(tenantId, userId, secret), cancellationToken);
            var account = EmployeeProjection.EmailOf(row.Document) ?? userId.ToString();
            return new EnrolmentStart(TotpCodes.ToBase32(secret), TotpCodes.Uri(Issuer, account, secret));
        }, cancellationToken);
    }

    /// <summary>The unconfirmed secret again, for a person who mistyped the first code; null when there is none.</summary>
    public async Task<EnrolmentStart?> ShowAsync(Guid tenantId, Guid userId, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        var row = await EmployeeSql.ReadAsync(session, userId, cancellationToken);
        var factor = row is null ? null : await SecondFactorSql.ReadAsync(session, userId, cancellationToken);
        if (row is null || factor is null || factor.Confirmed is not null || secrets.Unprotect(tenantId, userId, factor.ProtectedSecret) is not { } secret)
        {
            return null;
        }

        return new EnrolmentStart(TotpCodes.ToBase32(secret), TotpCodes.Uri(Issuer, EmployeeProjection.EmailOf(row.Document) ?? userId.ToString(), secret));
    }

    /// <param name="tenantId">The person's organization.</param>
    /// <param name="userId">The person, who sets up their own app.</param>
    /// <param name="code">The first code the app shows.</param>
    /// <param name="client">The audit log's client: the console, or the sign-in that the tenant's policy sent here.</param>
    /// <param name="cancellationToken">Cancels the confirmation.</param>
    public async Task<AdminResult<EnrolmentConfirmed>> ConfirmAsync(Guid tenantId, Guid userId, string? code, string client, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await database.AdminWriteAsync<EnrolmentConfirmed>(tenantId, async session =>
        {
            var factor = await SecondFactorSql.ReadAsync(session, userId, cancellationToken);
            if (factor is null || factor.Confirmed is not null || secrets.Unprotect(tenantId, userId, factor.ProtectedSecret) is not { } secret)
            {
                return AdminError.Conflict("Start setting up the authenticator app again: this page is out of date.");
            }

            if (TotpCodes.Verify(secret, code, now, null) is not { } step)
            {
                return AdminError.Validation(SecondFactorFailures.NotConfirmed) with { Field = "code" };
            }

            await SecondFactorSql.AcceptAsync(session, userId, step, cancellationToken);
            var codes = RecoveryCodes.New();
            await SecondFactorSql.InsertRecoveryCodesAsync(session, userId, codes, cancellationToken);
            var entry = new AuditEntry(userId, null, client, SecondFactorAudit.Enrol, AuditResourceTypes.Employee, userId, new JsonObject { ["method"] = "totp", ["recoveryCodes"] = codes.Count });
            await AuditTrail.AppendAsync(session, entry, session.Now, cancellationToken);

            // A sign-in the policy held up goes on with this person as they are now.
            var row = await EmployeeSql.ReadAsync(session, userId, cancellationToken);
            var signIn = row is null || SignInEmployee.StatusRefusal(row) is not null
                ? SignInResult.Failure(SignInFailures.Generic)
                : SignInResult.Success(
                    EmployeeProjection.From(row, await Roles.RoleSql.ReadAllAsync(session, cancellationToken)),
                    (await RoleGrantSql.PermissionsAsync(session, userId, cancellationToken)).Keys.ToHashSet(StringComparer.Ordinal));
            return new EnrolmentConfirmed(codes, signIn);
        }, cancellationToken);
    }

    public async Task<SecondFactorStatus> StatusAsync(Guid tenantId, Guid userId, CancellationToken cancellationToken)
    {
        await using var session = await database.ReadAsync(tenantId, cancellationToken);
        var factor = await SecondFactorSql.ReadAsync(session, userId, cancellationToken);
        var enrolled = factor?.Confirmed is not null;
        var left = enrolled ? await SecondFactorSql.UnusedRecoveryCodesAsync(session, userId, cancellationToken) : 0;
        var required = (await Sso.SsoSettingsSql.ReadAsync(session, cancellationToken)).AdministratorsNeedSecondFactor
            && SecondFactorPolicy.IsAdministrator(await RoleGrantSql.PermissionsAsync(session, userId, cancellationToken));
        return new SecondFactorStatus(enrolled, left, required);
    }
}
