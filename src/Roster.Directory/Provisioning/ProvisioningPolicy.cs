using System.Text.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Domains;
using Roster.Directory.Roles;
using Roster.Scim.Errors;

namespace Roster.Directory.Provisioning;

/// <summary>
/// The tenant's provisioning rules, applied to every SCIM user write (create, replace, patch)
/// after normalisation or patching and before storing, inside the write's transaction so that it
/// sees the committed roles and settings:
/// <list type="bullet">
/// <item><c>roles[].value</c> must name an active role of the tenant exactly (case-sensitive);</item>
/// <item>no role sent: the default role, when one is set;</item>
/// <item>the required role (CXone's "Agent"), when one is set, is added to every user;</item>
/// <item>policy: userName must be an <see cref="EmailAddress"/> equal to the primary email (MoEngage);</item>
/// <item>policy: name.givenName and name.familyName cannot be changed once created;</item>
/// <item>policy: every email domain (<c>emails[].value</c>, and <c>userName</c> when it holds an
/// '@' or a look-alike of one) is a verified domain of the tenant, and every such value is an
/// <see cref="EmailAddress"/> (strict: no spaces, invisible characters, look-alikes or second
/// '@'). Exact match after IDN normalisation: a verified
/// <c>example.com</c> does not cover <c>eu.example.com</c>, since whoever controls a subdomain's
/// DNS need not control the parent's mail.</item>
/// </list>
/// Then Roster's privilege model (<see cref="PrivilegeRules"/>), whoever writes (a SCIM
/// credential, an administrator): changing an existing user needs every permission they hold, and
/// every role the write gives them (sent, default or required) needs every permission it grants.
/// A refusal is a SCIM 400 that names the value at fault (403 for the privilege rules); the write
/// then stores nothing.
/// </summary>
internal sealed class ProvisioningPolicy(ScimSettings settings, IReadOnlyList<Role> roles, IReadOnlySet<string>? verifiedDomains = null)
{
    private static readonly string[] NameParts = ["givenName", "familyName"];

    /// <summary>
    /// Checks <paramref name="user"/> (the document about to be stored) against the rules of the
    /// session's tenant, read in the session's transaction, and adds the default and required
    /// roles to it; <paramref name="previous"/> is the stored user on replace and patch, null on
    /// create. <paramref name="actor"/> is what the writer holds, named in refusals by
    /// <paramref name="possessive"/> (<see cref="PrivilegeRules.Yours"/> or <see cref="PrivilegeRules.Credentials"/>).
    /// Roles are read only when the user has some, the settings name one, or the writer is bounded.
    /// </summary>
    public static async Task<ScimError?> ApplyAsync(
        SqlSession session, JsonObject? previous, JsonObject user, PermissionSet actor, string possessive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var settings = await ScimSettingsSql.ReadAsync(session, cancellationToken);
        var needsRoles = settings.DefaultRoleId is not null || settings.RequiredRoleId is not null || Get(user, "roles") is JsonArray { Count: > 0 }
            || (!actor.IsUnbounded && previous is not null && Get(previous, "roles") is JsonArray { Count: > 0 });
        var roles = needsRoles ? await RoleSql.ReadAllAsync(session, cancellationToken) : [];
        var domains = settings.EnforceVerifiedDomains ? await VerifiedDomainSql.ReadVerifiedNamesAsync(session, cancellationToken) : null;
        var policy = new ProvisioningPolicy(settings, roles, domains);
        return policy.Apply(previous, user) ?? policy.CheckPrivileges(previous, user, actor, possessive);
    }

    /// <summary>The same checks with rules already read.</summary>
    public ScimError? Apply(JsonObject? previous, JsonObject user)
    {
        return ApplyRoles(user)
            ?? CheckUserNameIsPrimaryEmail(user)
            ?? CheckNamesUnchanged(previous, user)
            ?? CheckEmailDomainsVerified(user);
    }

    /// <summary>
    /// The privilege model on a user write, after the default and required roles were added:
    /// the user as stored must be within the writer's permissions, and so must each role the
    /// write adds. Removed roles need no check of their own: the stored user held them.
    /// </summary>
    private ScimError? CheckPrivileges(JsonObject? previous, JsonObject user, PermissionSet actor, string possessive)
    {
        if (actor.IsUnbounded)
        {
            return null;
        }

        var before = previous is null ? [] : Employees.EmployeeProjection.RoleValues(previous);
        if (previous is not null)
        {
            var name = Text(Get(previous, "userName")) ?? "this user";
            if (PrivilegeRules.Govern(actor, PermissionSet.OfRoles(before, roles), $"'{name}'", possessive) is { } refused)
            {
                return ScimError.Forbidden(refused);
            }
        }

        foreach (var added in Employees.EmployeeProjection.RoleValues(user).Except(before, StringComparer.Ordinal))
        {
            var role = roles.FirstOrDefault(r => r.Active && string.Equals(r.Name, added, StringComparison.Ordinal));
            if (role is not null && PrivilegeRules.Grant(actor, role, possessive) is { } refused)
            {
                return ScimError.Forbidden(refused);
            }
        }

        return null;
    }

    private ScimError? ApplyRoles(JsonObject user)
    {
        var values = Get(user, "roles") as JsonArray;
        var active = roles.Where(r => r.Active).Select(r => r.Name).ToList();
        foreach (var element in values ?? [])
        {
            if (element is not JsonObject role || Text(Get(role, "value")) is not { Length: > 0 } name)
            {
                return ProvisioningErrors.RoleWithoutValue();
            }

            var match = roles.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal));
            if (match is null)
            {
                return ProvisioningErrors.UnknownRole(name, active);
            }

            if (!match.Active)
            {
                return ProvisioningErrors.InactiveRole(name);
            }
        }

        if (values is null or { Count: 0 } && settings.DefaultRoleId is { } defaultId)
        {
            var role = Usable(defaultId, "default role", out var error);
            if (role is null)
            {
                return error;
            }

            user["roles"] = values = [new JsonObject { ["value"] = role.Name }];
        }

        if (settings.RequiredRoleId is { } requiredId)
        {
            var role = Usable(requiredId, "required role", out var error);
            if (role is null)
            {
                return error;
            }

            if (values is null)
            {
                user["roles"] = values = [];
            }

            if (!values.Any(v => v is JsonObject o && string.Equals(Text(Get(o, "value")), role.Name, StringComparison.Ordinal)))
            {
                values.Add(new JsonObject { ["value"] = role.Name });
            }
        }

        return null;
    }

    private Role? Usable(Guid id, string use, out ScimError? error)
    {
        var role = roles.FirstOrDefault(r => r.Id == id);
        error = role is { Active: true } ? null : ProvisioningErrors.SettingsRoleUnusable(use, role?.Name);
        return error is null ? role : null;
    }

    private ScimError? CheckUserNameIsPrimaryEmail(JsonObject user)
    {
        if (!settings.UserNameMustBePrimaryEmail)
        {
            return null;
        }

        var userName = Text(Get(user, "userName")) ?? "";
        if (EmailAddress.Parse(userName, out var problem) is null)
        {
            return ProvisioningErrors.UserNameNotEmail(userName, problem!);
        }

        var emails = (Get(user, "emails") as JsonArray ?? []).OfType<JsonObject>().ToList();

        // With a single email nothing needs marking: it is the primary one.
        var primary = emails.FirstOrDefault(e => Get(e, "primary") is JsonValue p && p.GetValueKind() == JsonValueKind.True)
            ?? (emails.Count == 1 ? emails[0] : null);
        var email = primary is null ? null : Text(Get(primary, "value"));
        if (email is null)
        {
            return ProvisioningErrors.NoPrimaryEmail(userName);
        }

        // Email addresses, like userName, compare ignoring case.
        return string.Equals(userName, email, StringComparison.OrdinalIgnoreCase) ? null : ProvisioningErrors.UserNameNotPrimaryEmail(userName, email);
    }

    private ScimError? CheckNamesUnchanged(JsonObject? previous, JsonObject user)
    {
        if (!settings.NamesNotUpdatable || previous is null)
        {
            return null;
        }

        var before = Get(previous, "name") as JsonObject;
        var after = Get(user, "name") as JsonObject;
        foreach (var part in NameParts)
        {
            var old = before is null ? null : Text(Get(before, part));
            var now = after is null ? null : Text(Get(after, part));
            if (!string.Equals(old, now, StringComparison.Ordinal))
            {
                return ProvisioningErrors.NameNotUpdatable("name." + part, old, now);
            }
        }

        return null;
    }

    private ScimError? CheckEmailDomainsVerified(JsonObject user)
    {
        if (!settings.EnforceVerifiedDomains)
        {
            return null;
        }

        // Every value meant as an address must be one by the strict rules: a look-alike ('＠',
        // a no-break space, a second '@') would otherwise hide the domain the mail really goes to.
        var addresses = (Get(user, "emails") as JsonArray ?? []).OfType<JsonObject>()
            .Select(e => Text(Get(e, "value"))).OfType<string>().Select(v => (Attribute: "emails.value", Value: v)).ToList();
        var userName = Text(Get(user, "userName"));
        if (userName is not null && EmailAddress.IsMeantAsOne(userName))
        {
            addresses.Insert(0, ("userName", userName));
        }

        foreach (var (attribute, value) in addresses)
        {
            if (EmailAddress.Parse(value, out var problem) is not { } address)
            {
                return ProvisioningErrors.NotAnEmail(attribute, value, problem!);
            }

            if (verifiedDomains?.Contains(address.Domain) != true)
            {
                return ProvisioningErrors.DomainNotVerified(value[(value.IndexOf('@', StringComparison.Ordinal) + 1)..]);
            }
        }

        return null;
    }

    // Documents are canonical after normalisation; the case-insensitive look-up only guards against stored data of older versions.
    private static JsonNode? Get(JsonObject container, string name) =>
        container.TryGetPropertyValue(name, out var value) ? value
            : container.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
