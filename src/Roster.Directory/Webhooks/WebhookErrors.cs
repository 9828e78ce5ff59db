using Roster.Directory.Administration;

namespace Roster.Directory.Webhooks;

internal static class WebhookErrors
{
    public const int MaxDescriptionLength = 1_000;
    public const int MaxEventTypes = 50;

    public static AdminError NotFound() => AdminError.NotFound("There is no such webhook endpoint in this organization.");

    public static AdminError? CheckTypes(IReadOnlyList<string> types)
    {
        if (types.Count > MaxEventTypes)
        {
            return AdminError.Validation($"An endpoint subscribes to at most {MaxEventTypes} event types or families.") with { Field = "eventTypes" };
        }

        return types.FirstOrDefault(t => !Events.EventTypes.IsPattern(t)) is { } unknown
            ? AdminError.Validation($"'{unknown}' is not an event type; use types such as user.created, families such as user.*, or none for every type.") with { Field = "eventTypes" }
            : null;
    }

    public static AdminError? CheckDescription(string description) => description.Length > MaxDescriptionLength
        ? AdminError.Validation($"The description is longer than {MaxDescriptionLength} characters.") with { Field = "description" }
        : null;
}
