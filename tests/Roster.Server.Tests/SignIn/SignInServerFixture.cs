using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Time.Testing;
using Roster.Directory.Employees;
using Roster.Server.Tests.Infrastructure;

namespace Roster.Server.Tests.SignIn;

/// <summary>
/// A server for the sign-in tests: a fake clock the tests move on (locks run out without
/// waiting) and a password hasher that counts its verifications. Requests may carry
/// <c>X-Forwarded-For</c>: the fixture's client is a trusted proxy (loopback), so each test
/// can speak from as many addresses as it needs.
/// </summary>
public sealed class SignInServerFixture : RosterServerFixture
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public CountingPasswordHasher Hasher { get; } = new();

    protected override void ConfigureServer(WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.Services.AddSingleton<IPasswordHasher<Employee>>(Hasher);
    }
}

/// <summary>The sign-in tests share one <see cref="SignInServerFixture"/> and run one after the other (they move its clock).</summary>
[CollectionDefinition(Name)]
public sealed class SignInCollectionDefinition : ICollectionFixture<SignInServerFixture>
{
    public const string Name = "sign-in";
}
