using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roster.Directory.Database;

namespace Roster.Directory.Users;

/// <summary>The <c>user_emails</c> table (tenant-filtered by the context it is applied to).</summary>
internal sealed class UserEmailConfiguration(RosterDbContext context) : IEntityTypeConfiguration<UserEmailRecord>
{
    public void Configure(EntityTypeBuilder<UserEmailRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("user_emails");
        builder.HasKey(e => new { e.TenantId, e.UserId, e.ValueKey }).HasName("pk_user_emails");
        // Covering (user_id included) so that emails.value eq "..." is a seek that never visits the table.
        builder.HasIndex(e => new { e.TenantId, e.ValueKey, e.UserId }).HasDatabaseName("ix_user_emails_value_key");
        builder.HasOne<UserRecord>().WithMany().HasForeignKey(e => new { e.TenantId, e.UserId })
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_user_emails_users");
        builder.HasQueryFilter(e => e.TenantId == context.TenantId);
    }
}
