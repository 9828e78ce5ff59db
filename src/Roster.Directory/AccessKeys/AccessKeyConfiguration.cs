using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roster.Directory.Database;
using Roster.Directory.Users;

namespace Roster.Directory.AccessKeys;

/// <summary>The <c>access_keys</c> table (tenant-filtered by the context it is applied to).</summary>
internal sealed class AccessKeyConfiguration(RosterDbContext context) : IEntityTypeConfiguration<AccessKeyRecord>
{
    public void Configure(EntityTypeBuilder<AccessKeyRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("access_keys");
        builder.HasKey(k => new { k.TenantId, k.Id }).HasName("pk_access_keys");

        // Like a token's hash, a client_id is looked up before its tenant is known.
        builder.HasIndex(k => k.KeyId).IsUnique().HasDatabaseName("ux_access_keys_key_id");
        builder.HasIndex(k => new { k.TenantId, k.OwnerId }).HasDatabaseName("ix_access_keys_owner_id");
        builder.Property(k => k.KeyId).HasMaxLength(40);
        builder.Property(k => k.SecretHint).HasMaxLength(8);
        builder.Property(k => k.LastClient).HasMaxLength(200);
        builder.Property(k => k.PermissionCeiling).HasMaxLength(1000);
        builder.HasOne<UserRecord>().WithMany().HasForeignKey(k => new { k.TenantId, k.OwnerId })
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_access_keys_owner");
        builder.HasQueryFilter(k => k.TenantId == context.TenantId);
    }
}
