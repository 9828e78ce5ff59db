using Microsoft.AspNetCore.Identity;

namespace Roster.Directory.Employees;

/// <summary>
/// Password hashing with ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> (PBKDF2,
/// versioned format, so a stronger default later rehashes on the next sign-in).
/// </summary>
internal static class EmployeePasswords
{
    public const int MinLength = 12;

    private static readonly PasswordHasher<Employee> Hasher = new();

    // Verified against when the email is unknown, so that an unknown email costs as long as a wrong password.
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(null!, Guid.NewGuid().ToString("N")));

    public static string Hash(string password) => Hasher.HashPassword(null!, password);

    public static PasswordVerificationResult Verify(string? hash, string password) =>
        Hasher.VerifyHashedPassword(null!, hash ?? DecoyHash.Value, password);
}
