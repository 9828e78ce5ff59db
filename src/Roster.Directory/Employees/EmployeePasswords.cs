using Microsoft.AspNetCore.Identity;

namespace Roster.Directory.Employees;

/// <summary>
/// Password rules, and hashing with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/>
/// (PBKDF2, versioned format, so a stronger default later rehashes on the next sign-in) with its
/// default settings. The use cases hash and verify through the <see cref="IPasswordHasher{TUser}"/>
/// service (the same hasher, registered by the directory), so that a host can observe how much
/// hashing each attempt costs; <see cref="Hash"/> is for setting up profiles outside them.
/// </summary>
internal static class EmployeePasswords
{
    public const int MinLength = 12;

    private static readonly PasswordHasher<Employee> Hasher = new();

    public static string Hash(string password) => Hasher.HashPassword(null!, password);
}
