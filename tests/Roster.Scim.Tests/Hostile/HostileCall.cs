using System.Diagnostics;
using System.Net;
using FsCheck;
using FsCheck.Fluent;
using Roster.Scim.Errors;

namespace Roster.Scim.Tests.Hostile;

/// <summary>
/// Runs one entry point of the protocol core on one hostile input and states what must hold
/// whatever the input: it returns (a value or a 4xx <see cref="ScimError"/> with a detail),
/// throws nothing, not even <see cref="ScimException"/>, which must never cross a public API,
/// and finishes within <see cref="TimeLimit"/>.
/// </summary>
internal static class HostileCall
{
    /// <summary>Generous for a loaded build machine; a quadratic blow-up on 10,000 characters takes far longer.</summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(2);

    /// <summary>The property for <paramref name="call"/>, which returns null on success or the error.</summary>
    public static Property Holds(string input, Func<ScimError?> call)
    {
        var clock = Stopwatch.StartNew();
        ScimError? error;
        try
        {
            error = call();
        }
        catch (Exception e)
        {
            return false.Label($"{e.GetType().Name}: {e.Message} on input {Show(input)}\n{e.StackTrace}");
        }

        var elapsed = clock.Elapsed;
        if (elapsed > TimeLimit)
        {
            return false.Label($"took {elapsed.TotalMilliseconds:F0} ms on input {Show(input)}");
        }

        if (error is null)
        {
            return true.ToProperty();
        }

        var isClientError = (int)error.Status is >= 400 and < 500 && error.Status != HttpStatusCode.NotFound;
        return (isClientError && error.Detail.Length > 0)
            .Label($"{(int)error.Status} {error.ScimType}: {error.Detail} on input {Show(input)}");
    }

    /// <summary>The input as C# string escapes, cut short: labels must stay readable.</summary>
    public static string Show(string input)
    {
        var shown = input.Length > 300 ? input[..300] + $"... ({input.Length} chars)" : input;
        var text = new System.Text.StringBuilder("\"");
        foreach (var c in shown)
        {
            text.Append(c is < ' ' or > '~' ? $"\\u{(int)c:x4}" : c.ToString());
        }

        return text.Append('"').ToString();
    }
}
