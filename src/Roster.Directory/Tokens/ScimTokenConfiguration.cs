using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roster.Directory.Database;
using Roster.Directory.Tenants;
using Roster.Directory.Users;

namespace Roster.Directory.Tokens;

/// <summary>The <c>scim_tokens</c> table (tenant-filtered by the context it is applied to).</summary>
internal sealed class ScimTokenConfiguration(RosterDbContext context) : IEntityTypeConfiguration<ScimToken>
{
    public void Configure(EntityTypeBuilder<ScimToken> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("scim_tokens");
        builder.HasKey(t => new { t.TenantId, t.Id }).HasName("pk_scim_tokens");
        builder.Property(t => t.Name).HasMaxLength(200);
        builder.Property(t => t.Hint).HasMaxLength(8);

        // The one index not led by tenant_id: a presented token is looked up before its tenant is known.
        builder.HasIndex(t => t.Hash).IsUnique().HasDatabaseName("ux_scim_tokens_hash");
        builder.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).HasConstraintName("fk_scim_tokens_tenants");
        builder.Property(t => t.LastClient).HasMaxLength(200);
        builder.Property(t => t.PermissionCeiling).HasMaxLength(1000);

        // A deleted owner takes its tokens along; the audit log keeps what they did.
        builder.HasOne<UserRecord>().WithMany().HasForeignKey(t => new { t.TenantId, t.OwnerId })
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_scim_tokens_owner");
        builder.HasIndex(t => new { t.TenantId, t.OwnerId }).HasDatabaseName("ix_scim_tokens_owner_id");
        builder.HasQueryFilter(t => t.TenantId == context.TenantId);
    }
}
