using Microsoft.AspNetCore.Identity;
using Roster.Directory.Employees;

namespace Roster.Server.Tests.SignIn;

/// <summary>
/// The server's password hasher (ASP.NET Core Identity's PBKDF2, unchanged), counting the
/// verifications it makes: how much work a sign-in attempt costs, measured without a clock.
/// </summary>
public sealed class CountingPasswordHasher : IPasswordHasher<Employee>
{
    private readonly PasswordHasher<Employee> _inner = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(Employee user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(Employee user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
