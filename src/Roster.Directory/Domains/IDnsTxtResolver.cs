namespace Roster.Directory.Domains;

/// <summary>Looks up the TXT records of a DNS name.</summary>
public interface IDnsTxtResolver
{
    /// <summary>
    /// The TXT records of <paramref name="name"/>, each one's strings joined (RFC 7208 §3.3 style);
    /// empty when the name has none or does not exist. A DNS failure (timeout, SERVFAIL) is a
    /// <see cref="DnsLookupFailure"/>, not an empty list.
    /// </summary>
    Task<DnsTxtAnswer> LookupAsync(string name, CancellationToken cancellationToken);
}

/// <summary>The TXT records found, or why the look-up failed.</summary>
public sealed record DnsTxtAnswer(IReadOnlyList<string> Records, string? Failure)
{
    public static DnsTxtAnswer Found(IReadOnlyList<string> records) => new(records, null);

    public static DnsTxtAnswer Failed(string failure) => new([], failure);
}

/// <summary>The text of a failed DNS look-up, as the verification result shows it.</summary>
public static class DnsLookupFailure
{
    public static string Describe(string name, string reason) => $"the DNS look-up of '{name}' failed: {reason}";
}
