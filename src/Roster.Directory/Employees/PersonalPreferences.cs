namespace Roster.Directory.Employees;

/// <summary>
/// How the console speaks to one person: a language and a time zone, kept on their profile as
/// SCIM <c>preferredLanguage</c> and <c>timezone</c> (RFC 7643 §4.1.1), which an identity
/// provider may also send. Null leaves the choice to the browser (language) or UTC (time zone).
/// </summary>
/// <param name="Language">A language tag the console offers (<see cref="ConsoleLanguages"/>), or null.</param>
/// <param name="TimeZone">An IANA time zone name, or null.</param>
public sealed record PersonalPreferences(string? Language, string? TimeZone);
