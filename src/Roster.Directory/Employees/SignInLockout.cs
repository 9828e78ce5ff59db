namespace Roster.Directory.Employees;

/// <summary>
/// How failed sign-ins slow guessing down without letting a stranger lock a person out.
/// <list type="bullet">
/// <item><see cref="AddressFailures"/> failures from one address lock that address out of the
/// profile (<c>sign_in_addresses</c>); the profile stays usable from every other address, so
/// the person is not locked out by someone else's guesses.</item>
/// <item>A failure also counts toward the profile as a whole unless its address was locked out
/// of the profile before: one address adds at most <see cref="AddressFailures"/>, so only
/// guesses from many addresses reach <see cref="AccountFailures"/> and lock the profile itself
/// (<c>users.locked_until</c>), which ends its console sessions.</item>
/// <item>Each lock lasts <see cref="FirstLock"/>, twice as long as the one before, at most
/// <see cref="LongestLock"/>; a successful sign-in forgets the history.</item>
/// <item>While a lock holds, the password is not checked (a decoy hash is, for equal work) and
/// the answer is the generic one, right password or not, so the lock cannot be used to test guesses.</item>
/// <item>The last active holder of every permission is never locked as a whole (only throttled
/// per address), so that nobody can lock a tenant out of its own administration.</item>
/// </list>
/// A person who is locked out asks for an emailed unlock link (<see cref="SendUnlockLink"/>);
/// an administrator can unlock by hand (<see cref="UnlockEmployee"/>).
/// </summary>
public static class SignInLockout
{
    public const int AddressFailures = 5;

    public const int AccountFailures = 20;

    public static readonly TimeSpan FirstLock = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan LongestLock = TimeSpan.FromHours(1);

    /// <summary>How long the next lock lasts after <paramref name="previousLocks"/> locks.</summary>
    public static TimeSpan Duration(int previousLocks)
    {
        var doubled = FirstLock.Ticks << Math.Clamp(previousLocks, 0, 20);
        return TimeSpan.FromTicks(Math.Min(doubled, LongestLock.Ticks));
    }
}
