namespace Roster.Server.Tests.Isolation;

/// <summary>A way of signing a request: a bearer token, HTTP Basic, or a console session's cookie.</summary>
/// <param name="Kind">What the credential is, as the matrix reports it.</param>
/// <param name="Authorization">The Authorization header's value, when there is one.</param>
/// <param name="Cookie">The Cookie header's value, when there is one.</param>
/// <param name="FormToken">A console session's anti-forgery token, which its forms post.</param>
public sealed record Credential(string Kind, string? Authorization = null, string? Cookie = null, string? FormToken = null)
{
    /// <summary>
    /// A new session of the same person, for a case that ends the session it is sent with
    /// (signing out deletes the session on the server); null when there is nobody to sign in again.
    /// </summary>
    public Func<Task<Credential>>? Renew { get; init; }

    public static Credential Bearer(string kind, string token) => new(kind, Authorization: "Bearer " + token);

    public static Credential Basic(string kind, string user, string password) =>
        new(kind, Authorization: "Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}")));

    public void Apply(HttpRequestMessage request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", Authorization);
        }

        if (Cookie is not null)
        {
            request.Headers.TryAddWithoutValidation("Cookie", Cookie);
        }
    }

    public override string ToString() => Kind;
}
