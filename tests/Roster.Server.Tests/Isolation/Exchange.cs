using System.Net;

namespace Roster.Server.Tests.Isolation;

/// <summary>
/// Sends a case's request signed with a credential and reads the answer. A console form's
/// redirect back to its own page is followed once, since the refusal is shown there.
/// </summary>
public sealed class Exchange(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = baseAddress };

    private int _sent;

    /// <summary>Requests sent, for the matrix's size in the report.</summary>
    public int Sent => _sent;

    /// <summary>
    /// Runs the cells a few at a time: employees' passwords are checked with PBKDF2 on every
    /// admin request, and that, not HTTP, is what the matrix's time goes to.
    /// </summary>
    public static Task RunAsync<T>(IEnumerable<T> cells, Func<T, Task> run) =>
        Parallel.ForEachAsync(cells, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (cell, _) => await run(cell));

    public async Task<Answer> SendAsync(EndpointCase endpointCase, CaseTarget target, Credential? credential)
    {
        ArgumentNullException.ThrowIfNull(endpointCase);
        ArgumentNullException.ThrowIfNull(target);
        if (endpointCase.EndsSession && credential?.Renew is { } renew)
        {
            credential = await renew();
        }

        using var request = endpointCase.Build(credential?.FormToken is null ? target : target with { FormToken = credential.FormToken });
        credential?.Apply(request);
        using var response = await _http.SendAsync(request);
        Interlocked.Increment(ref _sent);
        if (endpointCase.Surface == Surface.Console && request.Method == HttpMethod.Post && response.StatusCode == HttpStatusCode.Redirect
            && response.Headers.Location is { } location && !location.OriginalString.Contains("sign-in", StringComparison.OrdinalIgnoreCase))
        {
            using var follow = new HttpRequestMessage(HttpMethod.Get, location);
            credential?.Apply(follow);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                // The refusal travels in the TempData cookie the redirect set.
                var flash = string.Join("; ", set.Select(c => c.Split(';')[0]));
                follow.Headers.Remove("Cookie");
                follow.Headers.TryAddWithoutValidation("Cookie", credential?.Cookie is null ? flash : credential.Cookie + "; " + flash);
            }

            using var shown = await _http.SendAsync(follow);
            Interlocked.Increment(ref _sent);
            var answer = await Answer.ReadAsync(shown, target.Foreign, target.OrgId);
            return answer with { Location = "followed " + (await Answer.ReadAsync(response, target.Foreign, target.OrgId)).Location };
        }

        return await Answer.ReadAsync(response, target.Foreign, target.OrgId);
    }

    public void Dispose() => _http.Dispose();
}
