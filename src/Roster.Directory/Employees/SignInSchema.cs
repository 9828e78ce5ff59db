using Microsoft.EntityFrameworkCore;
using Roster.Directory.Sessions;
using Roster.Directory.Users;

namespace Roster.Directory.Employees;

/// <summary>
/// The model's part for sign-in: the unlock-link columns of <c>users</c>, the per-address
/// failures of <c>sign_in_addresses</c> and the server-side <c>console_sessions</c>. Both tables
/// are read and written only through <see cref="Database.SqlSession"/>, whose statements bind
/// <c>tenant_id</c>, so they have no DbSet and no query filter; a deleted user takes its rows along.
/// </summary>
internal static class SignInSchema
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserRecord>(user =>
        {
            user.Property(u => u.SignInLocks).HasDefaultValue(0).ValueGeneratedNever();
            user.Property(u => u.UnlockHash).HasMaxLength(64);

            // Unlock tokens carry their tenant's org ID, like activation tokens, so the look-up starts with tenant_id.
            // Partial, like the invitation hash's: only a locked person waiting for a link has one.
            user.HasIndex(u => new { u.TenantId, u.UnlockHash }).IsUnique().HasDatabaseName("ux_users_unlock_hash")
                .HasFilter("unlock_hash IS NOT NULL");
        });

        modelBuilder.Entity<SignInAddressRecord>(address =>
        {
            address.ToTable("sign_in_addresses");
            address.HasKey(a => new { a.TenantId, a.UserId, a.Address }).HasName("pk_sign_in_addresses");
            address.Property(a => a.Address).HasMaxLength(64);
            address.HasOne<UserRecord>().WithMany().HasForeignKey(a => new { a.TenantId, a.UserId })
                .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_sign_in_addresses_users");
        });

        modelBuilder.Entity<ConsoleSessionRecord>(session =>
        {
            session.ToTable("console_sessions");
            session.HasKey(s => new { s.TenantId, s.Id }).HasName("pk_console_sessions");

            // Ending every session of a person (a lock, a deactivation) seeks by user.
            session.HasIndex(s => new { s.TenantId, s.UserId }).HasDatabaseName("ix_console_sessions_user_id");
            session.HasOne<UserRecord>().WithMany().HasForeignKey(s => new { s.TenantId, s.UserId })
                .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_console_sessions_users");
        });
    }
}
