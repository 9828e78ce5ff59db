using Roster.Scim.Patching;
using Roster.Scim.Resources;
using Roster.Scim.Schemas;

namespace Roster.Fuzz.Targets;

/// <summary>A PATCH request body: read, applied to a stored User and Group, and split into membership changes.</summary>
internal static class PatchTarget
{
    private static readonly System.Text.Json.Nodes.JsonObject User = SampleResources.User();
    private static readonly System.Text.Json.Nodes.JsonObject Group = SampleResources.Group();

    public static void Run(byte[] input)
    {
        if (Outcomes.Value(RequestBodyParser.Parse(input)) is not { } body)
        {
            return;
        }

        var operations = PatchRequestReader.Read(body);
        Outcomes.ExpectClientError(operations.Error);
        if (!operations.IsSuccess)
        {
            return;
        }

        Outcomes.ExpectClientError(PatchEngine.Apply(User, operations.Value, ScimResourceTypes.User).Error);
        Outcomes.ExpectClientError(PatchEngine.Apply(Group, operations.Value, ScimResourceTypes.Group).Error);
        Outcomes.ExpectClientError(GroupMembershipPatch.Split(operations.Value).Error);
    }
}
