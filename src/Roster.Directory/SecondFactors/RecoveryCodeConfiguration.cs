using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roster.Directory.Users;

namespace Roster.Directory.SecondFactors;

/// <summary>
/// <c>recovery_codes</c>: the hashes of a person's recovery codes, read and written only through
/// <see cref="Database.SqlSession"/>; a deleted user takes them along.
/// </summary>
internal sealed class RecoveryCodeConfiguration : IEntityTypeConfiguration<RecoveryCodeRecord>
{
    public void Configure(EntityTypeBuilder<RecoveryCodeRecord> builder)
    {
        builder.ToTable("recovery_codes");
        builder.HasKey(c => new { c.TenantId, c.Id }).HasName("pk_recovery_codes");
        builder.Property(c => c.Hash).HasMaxLength(32);

        // A presented code is compared with each of the person's unused ones, found by this index.
        builder.HasIndex(c => new { c.TenantId, c.UserId }).HasDatabaseName("ix_recovery_codes_user_id");
        builder.HasOne<UserRecord>().WithMany().HasForeignKey(c => new { c.TenantId, c.UserId })
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_recovery_codes_users");
    }
}
