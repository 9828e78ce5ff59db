using System.Text.Json;
using System.Text.Json.Nodes;
using Roster.Directory.Database;
using Roster.Directory.Domains;
using Roster.Directory.RoleGrants;
using Roster.Directory.RoleRules;
using Roster.Directory.Roles;
using Roster.Scim.Errors;

namespace Roster.Directory.Provisioning;

/// <summary>
/// The tenant's provisioning rules, applied to every SCIM user write (create, replace, patch)
/// after normalisation or patching and before storing, inside the write's transaction so that it
/// sees the committed roles and settings:
/// <list type="bullet">
/// <item><c>roles[].value</c> must name an active role of the tenant exactly (case-sensitive), or be
/// mapped to one by a value rule; any other value is refused, ignored or given the default role,
/// as the tenant's <see cref="UnknownRolePolicy"/> says;</item>
/// <item>no role sent: the default role, when one is set;</item>
/// <item>the required role (CXone's "Agent"), when one is set, is added to every user;</item>
/// <item>policy: userName must be an <see cref="EmailAddress"/> equal to the primary email (MoEngage);</item>
/// <item>policy: name.givenName and name.familyName cannot be changed once created;</item>
/// <item>policy: name.givenName and name.familyName are required (MoEngage);</item>
/// <item>policy: userName and the email addresses cannot be changed once created (MoEngage);</item>
/// <item>policy: every email domain (<c>emails[].value</c>, and <c>userName</c> when it holds an
/// '@' or a look-alike of one) is a verified domain of the tenant, and every such value is an
/// <see cref="EmailAddress"/> (strict: no spaces, invisible characters, look-alikes or second
/// '@'). Exact match after IDN normalisation: a verified
/// <c>example.com</c> does not cover <c>eu.example.com</c>, since whoever controls a subdomain's
/// DNS need not control the parent's mail.</item>
/// </list>
/// Then Roster's privilege model (<see cref="PrivilegeRules"/>), whoever writes (a SCIM
/// credential, an administrator): changing an existing user needs every permission they hold, and
/// every role the write gives them (sent, mapped, default or required) needs every permission it
/// grants (<see cref="GrantAsync"/>, once the document is stored and its grants are known).
/// A refusal is a SCIM 400 that names the value at fault (403 for the privilege rules); the write
/// then stores nothing.
/// </summary>
internal sealed class ProvisioningPolicy(ScimSettings settings, IReadOnlyList<Role> roles, IReadOnlyList<RoleRule> valueRules, IReadOnlySet<string>? verifiedDomains = null)
{
    private static readonly string[] NameParts = ["givenName", "familyName"];

    private readonly Dictionary<string, RoleGrantSource> _addedRoles = new(StringComparer.Ordinal);

    public ScimSettings Settings => settings;

    /// <summary>The tenant's roles, read when the write can involve one.</summary>
    public IReadOnlyList<Role> Roles => roles;

    /// <summary>The rules that map <c>roles</c> values to roles (aliases).</summary>
    public IReadOnlyList<RoleRule> ValueRules => valueRules;

    /// <summary>The role names this write added to the document: the default or the required role.</summary>
    public IReadOnlyDictionary<string, RoleGrantSource> AddedRoles => _addedRoles;

    /// <summary>
    /// Checks <paramref name="user"/> (the document about to be stored) against the rules of the
    /// session's tenant, read in the session's transaction, and adds the default and required
    /// roles to it; <paramref name="previous"/> is the stored user on replace and patch, null on
    /// create. <paramref name="actor"/> is what the writer holds, named in refusals by
    /// <paramref name="possessive"/> (<see cref="PrivilegeRules.Yours"/> or <see cref="PrivilegeRules.Credentials"/>):
    /// changing an existing user (<paramref name="userId"/>) needs every permission they hold now.
    /// Roles and value rules are read only when the write can involve them. Call
    /// <see cref="GrantAsync"/> once the document is stored.
    /// </summary>
    public static async Task<ScimResult<ProvisioningPolicy>> ApplyAsync(
        SqlSession session, Guid? userId, JsonObject? previous, JsonObject user, PermissionSet actor, string possessive, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        // A bulk request reads these once per part, not once per operation (none of its operations writes them).
        var settings = await session.ReadOncePerBatchPartAsync("scim_settings", () => ScimSettingsSql.ReadAsync(session, cancellationToken));
        var sendsRoles = Get(user, "roles") is JsonArray { Count: > 0 };
        var needsRoles = settings.DefaultRoleId is not null || settings.RequiredRoleId is not null || sendsRoles;
        var roles = needsRoles ? await session.ReadOncePerBatchPartAsync("roles", () => RoleSql.ReadAllAsync(session, cancellationToken)) : [];
        var valueRules = sendsRoles ? await session.ReadOncePerBatchPartAsync("value_rules", () => RoleRuleSql.ReadValueRulesAsync(session, cancellationToken)) : [];
        var domains = settings.EnforceVerifiedDomains
            ? await session.ReadOncePerBatchPartAsync("verified_domains", () => VerifiedDomainSql.ReadVerifiedNamesAsync(session, cancellationToken))
            : null;
        var policy = new ProvisioningPolicy(settings, roles, valueRules, domains);
        if (policy.Apply(previous, user) is { } refused)
        {
            return refused;
        }

        if (!actor.IsUnbounded && previous is not null && userId is { } id)
        {
            var held = await RoleGrantSql.PermissionsAsync(session, id, cancellationToken);
            var name = Text(Get(previous, "userName")) ?? "this user";
            if (PrivilegeRules.Govern(actor, held, $"'{name}'", possessive) is { } forbidden)
            {
                return ScimError.Forbidden(forbidden.Detail);
            }
        }

        return policy;
    }

    /// <summary>The rules as grants need them (settings, every role, the value rules), for bringing a stored person's grants in line.</summary>
    public static async Task<ProvisioningPolicy> ReadForGrantsAsync(SqlSession session, CancellationToken cancellationToken) => new(
        await ScimSettingsSql.ReadAsync(session, cancellationToken),
        await RoleSql.ReadAllAsync(session, cancellationToken),
        await RoleRuleSql.ReadValueRulesAsync(session, cancellationToken));

    /// <summary>The same checks with rules already read.</summary>
    public ScimError? Apply(JsonObject? previous, JsonObject user)
    {
        // An identifier that may not change says so before the rules about what it should be.
        return ApplyRoles(user)
            ?? CheckIdentifiersUnchanged(previous, user)
            ?? CheckUserNameIsPrimaryEmail(user)
            ?? CheckNamesUnchanged(previous, user)
            ?? CheckNamesPresent(user)
            ?? CheckEmailDomainsVerified(user);
    }

    /// <summary>
    /// Brings the stored user's grants from their <c>roles</c> in line with <paramref name="stored"/>
    /// (<see cref="DocumentGrants"/>), in the write's transaction, and checks that every role the
    /// write gives is within <paramref name="actor"/>'s permissions (<see cref="PrivilegeRules.Grant"/>);
    /// a refusal rolls the whole write back. <paramref name="created"/> says <paramref name="userId"/>
    /// was created by this write, so holds no grant yet and none is read.
    /// </summary>
    public async Task<ScimResult<GrantChanges>> GrantAsync(
        SqlSession session, Guid userId, JsonObject stored, PermissionSet actor, string possessive, DateTimeOffset now, CancellationToken cancellationToken, bool created = false)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var changes = await DocumentGrants.SyncAsync(session, userId, stored, this, now, cancellationToken, created);
        if (!actor.IsUnbounded)
        {
            foreach (var change in changes.Roles.Where(c => c.GainedCount > 0))
            {
                var role = roles.FirstOrDefault(r => r.Id == change.RoleId) ?? await RoleSql.ReadAsync(session, change.RoleId, cancellationToken);
                if (role is not null && PrivilegeRules.Grant(actor, role, possessive) is { } refused)
                {
                    return ScimError.Forbidden(refused.Detail);
                }
            }
        }

        return changes;
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

            var match = roles.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.Ordinal))
                ?? valueRules.Where(r => r.MapsValue(name)).Select(r => roles.FirstOrDefault(x => x.Id == r.RoleId)).FirstOrDefault(r => r is not null);
            if (match is null)
            {
                // An unknown value: refused by default (the seeds' behaviour), or let through by the tenant's policy (DocumentGrants records it).
                if (settings.UnknownRoles == UnknownRolePolicy.Refuse)
                {
                    return ProvisioningErrors.UnknownRole(name, active);
                }

                continue;
            }

            if (!match.Active)
            {
                return ProvisioningErrors.InactiveRole(match.Name);
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
            _addedRoles[role.Name] = RoleGrantSource.Default;
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
                _addedRoles[role.Name] = RoleGrantSource.Required;
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

    private ScimError? CheckNamesPresent(JsonObject user)
    {
        if (!settings.NamesRequired)
        {
            return null;
        }

        var name = Get(user, "name") as JsonObject;
        foreach (var part in NameParts)
        {
            if (name is null || Text(Get(name, part)) is not { Length: > 0 } value || value.Trim().Length == 0)
            {
                return ProvisioningErrors.NameRequired("name." + part);
            }
        }

        return null;
    }

    /// <summary>
    /// userName may change only in case (it is one name whatever its case), and the set of email
    /// addresses not at all (compared ignoring case); their type and primary flag may change.
    /// </summary>
    private ScimError? CheckIdentifiersUnchanged(JsonObject? previous, JsonObject user)
    {
        if (!settings.IdentifiersNotUpdatable || previous is null)
        {
            return null;
        }

        var before = Text(Get(previous, "userName"));
        var after = Text(Get(user, "userName"));
        if (!string.Equals(before, after, StringComparison.OrdinalIgnoreCase))
        {
            return ProvisioningErrors.IdentifierNotUpdatable("userName", before, after);
        }

        var emailsBefore = EmailValues(previous);
        var emailsAfter = EmailValues(user);
        if (!emailsBefore.SetEquals(emailsAfter))
        {
            return ProvisioningErrors.IdentifierNotUpdatable(
                "emails", emailsBefore.Count == 0 ? null : string.Join(", ", emailsBefore.Order(StringComparer.Ordinal)), emailsAfter.Count == 0 ? null : string.Join(", ", emailsAfter.Order(StringComparer.Ordinal)));
        }

        return null;
    }

    private static HashSet<string> EmailValues(JsonObject user) =>
        [.. (Get(user, "emails") as JsonArray ?? []).OfType<JsonObject>().Select(e => Text(Get(e, "value"))).OfType<string>().Select(Filtering.CaseFolding.Fold)];

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
