using System.Text.Json.Nodes;
using Roster.Directory.Administration;
using Roster.Directory.Audit;
using Roster.Directory.Database;
using Roster.Directory.Resources;
using Roster.Directory.Users;

namespace Roster.Directory.Employees;

/// <summary>
/// A person sets the language and time zone the console uses for them, on their own profile
/// (SCIM <c>preferredLanguage</c> and <c>timezone</c>, next version of the document). Allowed
/// while SCIM provisioning is on: it changes how the console reads, not who the person is, and it
/// grants nothing. An identity provider that sends either attribute later overwrites it, as it
/// owns the profile. One <c>employee.preferences</c> event with what changed.
/// </summary>
public sealed class SetPersonalPreferences(DirectoryDatabase database, TimeProvider time)
{
    public async Task<AdminResult<PersonalPreferences>> ExecuteAsync(AdminActor actor, PersonalPreferences preferences, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(preferences);
        if (actor.ProfileId is not { } self)
        {
            return AdminError.Validation("Only a person signed in with their own profile has preferences.");
        }

        var language = preferences.Language is { Length: > 0 } tag ? ConsoleLanguages.Match(tag) : null;
        if (preferences.Language is { Length: > 0 } && language is null)
        {
            return AdminError.Validation($"The console is not written in \"{preferences.Language}\"; pick one of {string.Join(", ", ConsoleLanguages.All)}.");
        }

        var zone = preferences.TimeZone is { Length: > 0 } z ? z.Trim() : null;
        if (zone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _))
        {
            return AdminError.Validation($"\"{zone}\" is not a time zone this server knows; use an IANA name such as Asia/Tokyo.");
        }

        var wanted = new PersonalPreferences(language, zone);
        return await database.AdminWriteAsync<PersonalPreferences>(actor.TenantId, async session =>
        {
            var row = await EmployeeSql.ReadAsync(session, self, cancellationToken);
            if (row is null)
            {
                return EmployeeErrors.NotFound(self);
            }

            var document = row.Document.DeepClone().AsObject();
            Set(document, "preferredLanguage", wanted.Language);
            Set(document, "timezone", wanted.TimeZone);
            var before = new JsonObject { ["preferredLanguage"] = Text(row.Document["preferredLanguage"]), ["timezone"] = Text(row.Document["timezone"]) };
            var after = new JsonObject { ["preferredLanguage"] = wanted.Language, ["timezone"] = wanted.TimeZone };
            var changes = AuditChanges.Diff(before, after);
            if (changes.Count == 0)
            {
                return wanted;
            }

            var now = ScimDateTime.Truncate(time.GetUtcNow());
            var stored = ResourceDocuments.ForStorage(document, row.Id);
            var columns = UserColumns.From(stored);
            var previous = UserColumns.From(row.Document);
            if (!columns.IsSuccess)
            {
                return AdminError.Validation(columns.Error.Detail);
            }

            await UserSql.UpdateAsync(session, row.Id, columns.Value, previous.Value, now, row.Version + 1, stored.ToJsonString(), cancellationToken);
            await AuditTrail.AppendAsync(session, AuditEntry.For(actor, AuditActions.EmployeePreferences, AuditResourceTypes.Employee, row.Id, changes), now, cancellationToken);
            return wanted;
        }, cancellationToken);
    }

    private static void Set(JsonObject document, string attribute, string? value)
    {
        if (value is null)
        {
            document.Remove(attribute);
        }
        else
        {
            document[attribute] = value;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
