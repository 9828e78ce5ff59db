using Roster.Directory.Administration;

namespace Roster.Directory.Tests.Support;

/// <summary>Shorthands for the results of admin use cases.</summary>
public static class AdminResults
{
    public static T Ok<T>(this AdminResult<T> result) =>
        result.IsSuccess ? result.Value : throw new Xunit.Sdk.XunitException($"Expected success, got {result.Error.Kind}: {result.Error.Detail}");

    public static AdminError Failed<T>(this AdminResult<T> result) =>
        result.IsSuccess ? throw new Xunit.Sdk.XunitException("Expected an admin error, got success.") : result.Error;
}
