using System.Net;
using Roster.Scim.Errors;

namespace Roster.Fuzz.Targets;

/// <summary>The contract every entry point of the protocol core keeps: a value, or a 400 with a detail.</summary>
internal static class Outcomes
{
    /// <summary>The result's value, or null once its error is shown to keep the contract.</summary>
    public static T? Value<T>(ScimResult<T> result)
        where T : class
    {
        ExpectClientError(result.Error);
        return result.IsSuccess ? result.Value : null;
    }

    public static void ExpectClientError(ScimError? error, string? scimType = null)
    {
        if (error is null)
        {
            return;
        }

        if (error.Status != HttpStatusCode.BadRequest || error.Detail.Length == 0)
        {
            throw new ContractViolationException($"Expected a 400 with a detail, got {(int)error.Status} {error.ScimType}: {error.Detail}");
        }

        if (scimType is not null && error.ScimType != scimType)
        {
            throw new ContractViolationException($"Expected scimType {scimType}, got {error.ScimType}: {error.Detail}");
        }
    }
}
