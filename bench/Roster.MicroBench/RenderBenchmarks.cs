using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Roster.Directory.Resources;
using Roster.Directory.SchemaExtensions;
using Roster.Scim.Projection;
using Roster.Server.Scim.Http;

namespace Roster.MicroBench;

/// <summary>
/// A stored user into the response body, as GET by id does it after its statement: the row's
/// document parsed, <c>meta</c> and the location completed, the projection applied, the JSON
/// written to the response.
/// </summary>
[MemoryDiagnoser]
public class RenderBenchmarks
{
    private readonly ResourceRow _row = new(StoredUser.Id, 3, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, StoredUser.Document);
    private InMemoryRoster _roster = null!;
    private ResourceRenderer _renderer = null!;
    private AttributeProjection _projection = null!;
    private DefaultHttpContext _context = null!;

    /// <summary>The request's <c>attributes=</c>; empty for none.</summary>
    [Params("", "userName")]
    public string Attributes { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _roster = InMemoryRoster.StartAsync().GetAwaiter().GetResult();
        _renderer = _roster.Services.GetRequiredService<ResourceRenderer>();
        _projection = AttributeProjection.Parse(Attributes, null).Value!;
        _context = new DefaultHttpContext { RequestServices = _roster.Services };
        _context.Request.Scheme = "http";
        _context.Request.Host = new HostString("localhost");
        _context.Request.Path = $"/scim/v2/{_roster.TenantId}/Users/{StoredUser.Id}";
        _context.Request.RouteValues["orgId"] = _roster.TenantId.ToString();
        _context.Items[typeof(TenantSchemas)] = TenantSchemas.Standard;
        _context.Response.Body = Stream.Null;
    }

    [GlobalCleanup]
    public void Cleanup() => _roster.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public Task RenderStoredUser()
    {
        var resource = ResourceDocuments.ToResource(_row, "User");
        var rendered = _renderer.Render(_context.Request, resource, TenantSchemas.Standard.User, _projection);
        return new ScimJsonResult(rendered, etag: EntityTag.Format(resource.Version)).ExecuteAsync(_context);
    }
}
