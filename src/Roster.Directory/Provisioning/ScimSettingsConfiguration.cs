using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roster.Directory.Database;
using Roster.Directory.Roles;
using Roster.Directory.Tenants;

namespace Roster.Directory.Provisioning;

/// <summary>The <c>scim_settings</c> table (tenant-filtered by the context it is applied to).</summary>
internal sealed class ScimSettingsConfiguration(RosterDbContext context) : IEntityTypeConfiguration<ScimSettingsRecord>
{
    public void Configure(EntityTypeBuilder<ScimSettingsRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("scim_settings");
        builder.HasKey(s => s.TenantId).HasName("pk_scim_settings");
        builder.Property(s => s.Enabled).HasDefaultValue(true).ValueGeneratedNever();
        builder.Property(s => s.LastClient).HasMaxLength(200);
        builder.Property(s => s.TokenMaxDays).HasDefaultValue(Tokens.ScimTokenPolicy.DefaultMaxDays).ValueGeneratedNever();
        builder.Property(s => s.UnknownRoles).HasMaxLength(20).HasDefaultValue(UnknownRolePolicies.Refuse).ValueGeneratedNever();
        builder.Property(s => s.ManualRoleGrants).HasDefaultValue(false).ValueGeneratedNever();
        builder.Property(s => s.NamesRequired).HasDefaultValue(false).ValueGeneratedNever();
        builder.Property(s => s.IdentifiersNotUpdatable).HasDefaultValue(false).ValueGeneratedNever();
        builder.Property(s => s.AdvertiseCursorPaging).HasDefaultValue(true).ValueGeneratedNever();
        builder.HasOne<Tenant>().WithOne().HasForeignKey<ScimSettingsRecord>(s => s.TenantId).HasConstraintName("fk_scim_settings_tenants");

        // Roles are deactivated, never deleted, so these references stay valid.
        builder.HasOne<RoleRecord>().WithMany().HasForeignKey(s => new { s.TenantId, s.DefaultRoleId })
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_scim_settings_default_role");
        builder.HasOne<RoleRecord>().WithMany().HasForeignKey(s => new { s.TenantId, s.RequiredRoleId })
            .OnDelete(DeleteBehavior.Restrict).HasConstraintName("fk_scim_settings_required_role");
        builder.HasIndex(s => new { s.TenantId, s.DefaultRoleId }).HasDatabaseName("ix_scim_settings_default_role_id");
        builder.HasIndex(s => new { s.TenantId, s.RequiredRoleId }).HasDatabaseName("ix_scim_settings_required_role_id");
        builder.HasQueryFilter(s => s.TenantId == context.TenantId);
    }
}
