using Roster.Scim.Resources;
using Roster.Scim.Schemas;

namespace Roster.Fuzz.Targets;

/// <summary>A POST or PUT body: parsed, normalised as a User and as a Group, and merged with a stored one as PUT does.</summary>
internal static class JsonTarget
{
    private static readonly System.Text.Json.Nodes.JsonObject User = SampleResources.User();
    private static readonly System.Text.Json.Nodes.JsonObject Group = SampleResources.Group();

    public static void Run(byte[] input)
    {
        if (Outcomes.Value(RequestBodyParser.Parse(input)) is not { } body)
        {
            return;
        }

        foreach (var (type, stored) in new[] { (ScimResourceTypes.User, User), (ScimResourceTypes.Group, Group) })
        {
            foreach (var mode in new[] { ResourceWriteMode.Create, ResourceWriteMode.Replace })
            {
                var normalized = ResourceNormalizer.Normalize(body, type, mode);
                Outcomes.ExpectClientError(normalized.Error);
                if (normalized.IsSuccess)
                {
                    Outcomes.ExpectClientError(ResourceReplacement.Merge(stored, normalized.Value, type).Error);
                }
            }
        }
    }
}
