using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roster.Directory.Database;
using Roster.Directory.Tenants;

namespace Roster.Directory.Users;

/// <summary>The <c>users</c> table (tenant-filtered by the context it is applied to).</summary>
internal sealed class UserConfiguration(RosterDbContext context) : IEntityTypeConfiguration<UserRecord>
{
    public void Configure(EntityTypeBuilder<UserRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("users");
        builder.HasKey(u => new { u.TenantId, u.Id }).HasName("pk_users");
        builder.HasIndex(u => new { u.TenantId, u.UserNameKey }).IsUnique().HasDatabaseName("ux_users_user_name_key");
        builder.HasIndex(u => new { u.TenantId, u.ExternalId }).HasDatabaseName("ix_users_external_id");
        builder.HasIndex(u => new { u.TenantId, u.DisplayNameKey }).HasDatabaseName("ix_users_display_name_key");
        builder.HasIndex(u => new { u.TenantId, u.Created }).HasDatabaseName("ix_users_created");
        builder.HasIndex(u => new { u.TenantId, u.LastModified }).HasDatabaseName("ix_users_last_modified");
        builder.HasOne<Tenant>().WithMany().HasForeignKey(u => u.TenantId).HasConstraintName("fk_users_tenants");

        // Employee profile columns; the defaults make every existing or SCIM-created row an active, billable, password-login profile.
        builder.Property(u => u.Status).HasMaxLength(20).HasDefaultValue("active").ValueGeneratedNever();
        builder.Property(u => u.FailedSignIns).HasDefaultValue(0).ValueGeneratedNever();
        builder.Property(u => u.LoginAuthenticator).HasMaxLength(100).HasDefaultValue("password").ValueGeneratedNever();
        builder.Property(u => u.Billing).HasMaxLength(4000).HasDefaultValue("""{"billable":true,"licenses":[]}""").ValueGeneratedNever();
        builder.Property(u => u.InvitationHash).HasMaxLength(64);

        // Activation tokens carry their tenant's org ID, so even this look-up starts with tenant_id.
        // Partial: only invited people have a hash, so a provisioned user adds no entry (a page
        // written per create); the look-up's "invitation_hash = @hash" implies the filter, so it
        // still seeks this index, and two rows with one hash are still refused.
        builder.HasIndex(u => new { u.TenantId, u.InvitationHash }).IsUnique().HasDatabaseName("ux_users_invitation_hash")
            .HasFilter("invitation_hash IS NOT NULL");
        builder.HasQueryFilter(u => u.TenantId == context.TenantId);
    }
}
