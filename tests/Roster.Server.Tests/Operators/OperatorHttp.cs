using System.Net.Http.Headers;
using Roster.Directory.Operators;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Operators;

/// <summary>Operator keys and clients of the operator API for the tests.</summary>
public static class OperatorHttp
{
    public static async Task<IssuedOperatorKey> CreateKeyAsync(RosterServerFixture server, string name = "vendor-backend")
    {
        ArgumentNullException.ThrowIfNull(server);
        var issued = await server.Services.GetRequiredService<OperatorKeys>().CreateAsync(OperatorActor.Cli, name, CancellationToken.None);
        Assert.True(issued.IsSuccess, issued.Error?.Detail);
        return issued.Value;
    }

    /// <summary>A client whose base address is <c>/api/v1/operator/</c>, signed with <paramref name="authorization"/>.</summary>
    public static HttpClient Client(RosterServerFixture server, string? authorization)
    {
        ArgumentNullException.ThrowIfNull(server);
        var http = server.CreateClient(null, "api/v1/operator/");
        if (authorization is not null)
        {
            http.DefaultRequestHeaders.Authorization = AuthenticationHeaderValue.Parse(authorization);
        }

        return http;
    }
}
