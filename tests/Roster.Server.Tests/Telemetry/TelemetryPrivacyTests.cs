using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Roster.Server.Hosting;
using Roster.Server.Tests.Admin;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.Telemetry;

/// <summary>
/// Whatever Roster exports (spans, metrics and logs over OTLP, the Prometheus scrape) carries no
/// secret and no personal attribute value: not a SCIM token, a password, a filter's value, a
/// userName, a name, a phone number or the database password, though every one of them went
/// through the requests that were traced. The traces are there, down to their SQL statements.
/// </summary>
public sealed class TelemetryPrivacyTests(TelemetryServerFixture server) : IClassFixture<TelemetryServerFixture>
{
    [Fact]
    public async Task No_secret_or_personal_value_reaches_a_span_a_metric_label_or_a_log()
    {
        var marker = Guid.NewGuid().ToString("N")[..10];
        var userName = $"zq{marker}@privacy.example";
        var displayName = $"Zebulon Quixote{marker}";
        var phone = $"+1555{marker[..7]}";
        var tenant = await server.CreateTenantAsync();
        var user = await tenant.Scim.CreateUserAsync(userName, $$"""
            "displayName":"{{displayName}}","phoneNumbers":[{"type":"work","value":"{{phone}}"}]
            """);
        var found = await tenant.Scim.GetAsync($"Users?filter={Uri.EscapeDataString($"userName eq \"{userName}\"")}");
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        var patched = await tenant.Scim.PatchAsync($"Users/{user.Id()}", $$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"Title{{marker}}"}]}
            """);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var guessed = "roster_scim_guessed" + marker;
        using var guesser = server.CreateClient(guessed, $"scim/v2/{tenant.OrgId}/");
        Assert.Equal(HttpStatusCode.Unauthorized, (await guesser.GetAsync($"Users?filter={Uri.EscapeDataString($"displayName eq \"{displayName}\"")}")).StatusCode);
        var admin = await server.CreateAdminAsync("employees.view");
        Assert.Equal(HttpStatusCode.OK, (await admin.Http.GetAsync("employees")).StatusCode);

        var traces = await FlushUntilAsync(() => server.Collector.Text("traces"), $"Users/{{id}}");
        server.Services.GetRequiredService<MeterProvider>().ForceFlush();
        server.Services.GetService<LoggerProvider>()?.ForceFlush();
        using var scrape = server.CreateClient(null);
        var exported = new Dictionary<string, string>
        {
            ["traces"] = traces,
            ["metrics"] = server.Collector.Text("metrics"),
            ["logs"] = server.Collector.Text("logs"),
            ["scrape"] = await scrape.GetStringAsync(new Uri(TelemetryServerFixture.MetricsPath.TrimStart('/'), UriKind.Relative)),
        };

        // The traces are there: requests by route, their SQL, the service.
        Assert.Contains("/scim/v2/{orgId:guid}/Users/", traces, StringComparison.Ordinal);
        Assert.Contains("SELECT", traces, StringComparison.Ordinal);
        Assert.Contains("filter=Redacted", traces, StringComparison.Ordinal);
        Assert.Contains("roster", traces, StringComparison.Ordinal);
        Assert.Contains("roster_scim_operation_duration", exported["scrape"], StringComparison.Ordinal);

        var secrets = new Dictionary<string, string>
        {
            ["SCIM token"] = tenant.Token,
            ["guessed token"] = guessed,
            ["userName"] = userName,
            ["userName's local part"] = "zq" + marker,
            ["displayName"] = displayName,
            ["phone number"] = phone,
            ["title"] = "Title" + marker,
            ["admin password"] = AdminSessions.Password,
            ["admin email"] = admin.Email,
        };
        if (DatabasePassword() is { Length: > 0 } password)
        {
            secrets["database password"] = password;
        }

        foreach (var (where, text) in exported)
        {
            foreach (var (what, value) in secrets)
            {
                Assert.False(text.Contains(value, StringComparison.Ordinal), $"The {what} is in the exported {where}.");
            }
        }
    }

    private async Task<string> FlushUntilAsync(Func<string> read, string expected)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            server.Services.GetRequiredService<TracerProvider>().ForceFlush();
            var text = read();
            if (text.Contains(expected, StringComparison.Ordinal) || deadline.IsCancellationRequested)
            {
                return text;
            }

            await Task.Delay(100, CancellationToken.None);
        }
    }

    private string? DatabasePassword() => server.Storage.Provider == StorageProvider.Postgres
        ? new NpgsqlConnectionStringBuilder(server.Storage.ConnectionString).Password
        : new SqliteConnectionStringBuilder(server.Storage.ConnectionString.Contains('=', StringComparison.Ordinal) ? server.Storage.ConnectionString : "Data Source=x").Password;
}
