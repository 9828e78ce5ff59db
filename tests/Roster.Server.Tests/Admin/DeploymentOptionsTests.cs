using Microsoft.Extensions.Options;
using Roster.Server.Deployment;
using Roster.Server.Hosting;

namespace Roster.Server.Tests.Admin;

public sealed class DeploymentOptionsTests : IDisposable
{
    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("roster-deployment-").FullName;

    [Theory]
    [InlineData("Region", "")]
    [InlineData("Region", "eu west")]
    [InlineData("PublicBaseUrl", "roster.example.com")]
    [InlineData("TokenEndpoint", "ftp://roster.example.com/token")]
    [InlineData("AuthorizeEndpoint", "https://roster.example.com/auth?x=1")]
    public async Task Invalid_deployment_settings_stop_the_start_with_the_key_named(string key, string value)
    {
        await using var app = RosterWebApplication.Create(Path.Combine(_directory, "roster.db"), "http://127.0.0.1:0",
            configure: b => b.Configuration[$"{DeploymentOptions.SectionName}:{key}"] = value);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains($"Roster:Deployment:{key}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_are_local_and_derived_from_the_public_base_url()
    {
        var options = new DeploymentOptions();

        Assert.Equal("local", options.Region);
        Assert.False(options.Government);
        Assert.True(new DeploymentOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Urls_come_from_configuration_with_endpoints_derived_from_the_public_base_url()
    {
        var request = new Microsoft.AspNetCore.Http.DefaultHttpContext().Request;
        request.Scheme = "http";
        request.Host = new Microsoft.AspNetCore.Http.HostString("127.0.0.1:5000");
        var derived = new DeploymentUrls(
            Options.Create(new DeploymentOptions { Region = "us-gov-1", Government = true, PublicBaseUrl = "https://gov.roster.example/" }),
            Options.Create(new RosterServerOptions()),
            new NotListening());
        var explicitEndpoints = new DeploymentUrls(
            Options.Create(new DeploymentOptions { TokenEndpoint = "https://login.example/token", AuthorizeEndpoint = "https://login.example/authorize" }),
            Options.Create(new RosterServerOptions { PublicBaseUrl = "https://roster.example" }),
            new NotListening());
        var orgId = Guid.NewGuid();

        Assert.Equal("https://gov.roster.example", derived.PublicBaseUrl(request));
        Assert.Equal("https://gov.roster.example/auth/token", derived.TokenEndpoint(request));
        Assert.Equal("https://gov.roster.example/auth/authorize", derived.AuthorizeEndpoint(request));
        Assert.Equal($"https://gov.roster.example/scim/v2/{orgId}", derived.ConnectorUrl(request, orgId));
        Assert.Equal("https://roster.example", explicitEndpoints.PublicBaseUrl(request));
        Assert.Equal("https://login.example/token", explicitEndpoints.TokenEndpoint(request));
        Assert.Equal("https://login.example/authorize", explicitEndpoints.AuthorizeEndpoint(request));
        Assert.Equal("https://roster.example/activate", explicitEndpoints.EmailedLink("/activate", out _));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open must not fail the run; the temp folder is cleaned by the OS.
        }
    }

    /// <summary>A server that listens nowhere: the URLs of this test come from configuration alone.</summary>
    private sealed class NotListening : Microsoft.AspNetCore.Hosting.Server.IServer
    {
        public Microsoft.AspNetCore.Http.Features.IFeatureCollection Features { get; } = new Microsoft.AspNetCore.Http.Features.FeatureCollection();

        public void Dispose()
        {
        }

        public Task StartAsync<TContext>(Microsoft.AspNetCore.Hosting.Server.IHttpApplication<TContext> application, CancellationToken cancellationToken)
            where TContext : notnull => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
