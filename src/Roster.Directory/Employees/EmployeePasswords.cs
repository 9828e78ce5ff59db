using Microsoft.AspNetCore.Identity;

namespace Roster.Directory.Employees;

/// <summary>
/// Password hashing with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2,
/// versioned format, so a stronger default later rehashes on the next sign-in). Sign-in verifies
/// through the <see cref="IPasswordHasher{TUser}"/> service (the same hasher), so that a host can
/// observe how much hashing each attempt costs.
/// </summary>
internal static class EmployeePasswords
{
    public const int MinLength = 12;

    private static readonly PasswordHasher<Employee> Hasher = new();

    public static string Hash(string password) => Hasher.HashPassword(null!, password);
}
