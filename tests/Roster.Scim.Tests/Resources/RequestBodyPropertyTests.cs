using System.Net;
using System.Text;
using FsCheck;
using Roster.Scim.Errors;
using Roster.Scim.Patching;
using Roster.Scim.Resources;
using Roster.Scim.Schemas;
using Roster.Scim.Tests.Hostile;

namespace Roster.Scim.Tests.Resources;

/// <summary>
/// A request body's whole way through the protocol core, on adversarial bytes: parsed by
/// <see cref="RequestBodyParser"/>, then read as a POST or PUT of a User and of a Group, and as a
/// PATCH of each. Every step gives a value or a 4xx, in bounded time, and throws nothing.
/// </summary>
public sealed class RequestBodyPropertyTests
{
    [HostileProperty(2000)]
    public Property A_body_is_an_object_or_invalidSyntax_or_a_refused_NUL(HostileBody body) =>
        HostileCall.Holds(Encoding.UTF8.GetString(body.Bytes), () =>
        {
            var parsed = RequestBodyParser.Parse(body.Bytes);
            return parsed.IsSuccess || parsed.Error.ScimType == ScimErrorTypes.InvalidSyntax
                || (parsed.Error.ScimType is ScimErrorTypes.InvalidValue or ScimErrorTypes.InvalidFilter && parsed.Error.Detail.Contains("U+0000", StringComparison.Ordinal))
                ? parsed.Error
                : throw new InvalidOperationException($"Expected invalidSyntax, got {parsed.Error.ScimType}: {parsed.Error.Detail}");
        });

    [HostileProperty(1000)]
    public Property A_parsed_body_holds_no_NUL(HostileBody body) =>
        HostileCall.Holds(Encoding.UTF8.GetString(body.Bytes), () =>
        {
            var parsed = RequestBodyParser.Parse(body.Bytes);
            return parsed.IsSuccess && HoldsNul(parsed.Value)
                ? throw new InvalidOperationException("A body holding U+0000 was accepted.")
                : parsed.IsSuccess ? null : parsed.Error;
        });

    private static bool HoldsNul(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject obj => obj.Any(p => p.Key.Contains('\0', StringComparison.Ordinal) || HoldsNul(p.Value)),
        System.Text.Json.Nodes.JsonArray array => array.Any(HoldsNul),
        System.Text.Json.Nodes.JsonValue value => value.GetValueKind() == System.Text.Json.JsonValueKind.String
            && value.GetValue<string>().Contains('\0', StringComparison.Ordinal),
        _ => false,
    };

    [HostileProperty(2000)]
    public Property A_parsed_body_normalizes_patches_and_merges_without_throwing(HostileBody body) =>
        HostileCall.Holds(Encoding.UTF8.GetString(body.Bytes), () =>
        {
            var parsed = RequestBodyParser.Parse(body.Bytes);
            if (!parsed.IsSuccess)
            {
                return null;
            }

            foreach (var (type, stored) in new[] { (ScimResourceTypes.User, StoredResources.User()), (ScimResourceTypes.Group, StoredResources.Group()) })
            {
                foreach (var mode in new[] { ResourceWriteMode.Create, ResourceWriteMode.Replace })
                {
                    var normalized = ResourceNormalizer.Normalize(parsed.Value, type, mode);
                    ExpectClientError(normalized.Error);
                    if (normalized.IsSuccess)
                    {
                        ExpectClientError(MultiValuedLimit.Check(null, normalized.Value, type, 1));
                        ExpectClientError(ResourceReplacement.Merge(stored, normalized.Value, type).Error);
                    }
                }

                var operations = PatchRequestReader.Read(parsed.Value);
                ExpectClientError(operations.Error);
                if (operations.IsSuccess)
                {
                    var patched = PatchEngine.Apply(stored, operations.Value, type);
                    ExpectClientError(patched.Error);
                    if (patched.IsSuccess)
                    {
                        ExpectClientError(MultiValuedLimit.Check(stored, patched.Value, type, 1));
                    }

                    ExpectClientError(GroupMembershipPatch.Split(operations.Value).Error);
                }
            }

            return null;
        });

    private static void ExpectClientError(ScimError? error)
    {
        if (error is not null && (error.Status != HttpStatusCode.BadRequest || error.Detail.Length == 0))
        {
            throw new InvalidOperationException($"Expected a 400 with a detail, got {(int)error.Status} {error.ScimType}: {error.Detail}");
        }
    }
}
