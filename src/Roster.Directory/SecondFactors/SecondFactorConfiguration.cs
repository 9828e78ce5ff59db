using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roster.Directory.Users;

namespace Roster.Directory.SecondFactors;

/// <summary>
/// <c>second_factors</c>: one authenticator app per person. Read and written only through
/// <see cref="Database.SqlSession"/>, whose statements bind <c>tenant_id</c>, so it has no DbSet
/// and no query filter; a deleted user takes the row along.
/// </summary>
internal sealed class SecondFactorConfiguration : IEntityTypeConfiguration<SecondFactorRecord>
{
    public void Configure(EntityTypeBuilder<SecondFactorRecord> builder)
    {
        builder.ToTable("second_factors");
        builder.HasKey(f => new { f.TenantId, f.UserId }).HasName("pk_second_factors");
        builder.Property(f => f.ProtectedSecret).HasMaxLength(1000);
        builder.HasOne<UserRecord>().WithOne().HasForeignKey<SecondFactorRecord>(f => new { f.TenantId, f.UserId })
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_second_factors_users");
    }
}
