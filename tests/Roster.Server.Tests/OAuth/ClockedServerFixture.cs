using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Time.Testing;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.OAuth;

/// <summary>A server of its own whose clock the tests move (OpenIddict reads the same <see cref="TimeProvider"/>), for token lifetimes measured in months.</summary>
public sealed class ClockedServerFixture : RosterServerFixture
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    protected override void ConfigureServer(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<TimeProvider>(Time);

        // The key refresh ticks once per period the clock moves; hourly keeps a move of months cheap.
        builder.Configuration["Roster:Keys:RefreshSeconds"] = "3600";
    }
}
