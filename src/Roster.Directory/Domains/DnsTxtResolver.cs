using DnsClient;

namespace Roster.Directory.Domains;

/// <summary>The <see cref="IDnsTxtResolver"/> backed by DnsClient.NET's <see cref="LookupClient"/>; no caching, so a just-published record is seen.</summary>
public sealed class DnsTxtResolver : IDnsTxtResolver
{
    private readonly LookupClient client;

    public DnsTxtResolver(DnsTxtResolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var endpoints = options.Endpoints();
        var clientOptions = endpoints.Count == 0 ? new LookupClientOptions() : new LookupClientOptions([.. endpoints]);
        clientOptions.UseCache = false;
        clientOptions.Timeout = options.Timeout;
        clientOptions.Retries = 1;
        clientOptions.ThrowDnsErrors = false;
        clientOptions.ContinueOnDnsError = false;
        client = new LookupClient(clientOptions);
    }

    public async Task<DnsTxtAnswer> LookupAsync(string name, CancellationToken cancellationToken)
    {
        IDnsQueryResponse response;
        try
        {
            response = await client.QueryAsync(name, QueryType.TXT, QueryClass.IN, cancellationToken);
        }
        catch (DnsResponseException e)
        {
            return DnsTxtAnswer.Failed(DnsLookupFailure.Describe(name, e.Message));
        }

        if (response.HasError && response.Header.ResponseCode != DnsHeaderResponseCode.NotExistentDomain)
        {
            return DnsTxtAnswer.Failed(DnsLookupFailure.Describe(name, response.ErrorMessage));
        }

        return DnsTxtAnswer.Found([.. response.Answers.TxtRecords().Select(r => string.Concat(r.Text))]);
    }
}
