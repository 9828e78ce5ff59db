using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roster.Directory.Database;

namespace Roster.Directory.Webhooks;

/// <summary>The <c>webhook_attempts</c> table (tenant-filtered by the context it is applied to).</summary>
internal sealed class WebhookAttemptConfiguration(RosterDbContext context) : IEntityTypeConfiguration<WebhookAttemptRecord>
{
    public void Configure(EntityTypeBuilder<WebhookAttemptRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("webhook_attempts");
        builder.HasKey(a => new { a.TenantId, a.Id }).HasName("pk_webhook_attempts");
        builder.HasIndex(a => new { a.TenantId, a.EndpointId, a.Id }).HasDatabaseName("ix_webhook_attempts_endpoint_id");
        builder.Property(a => a.Type).HasMaxLength(100);
        builder.Property(a => a.Request).HasMaxLength(4000);
        builder.Property(a => a.Response).HasMaxLength(1000);
        builder.Property(a => a.Error).HasMaxLength(1000);
        builder.HasOne<WebhookEndpointRecord>().WithMany().HasForeignKey(a => new { a.TenantId, a.EndpointId })
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_webhook_attempts_endpoints");
        builder.HasQueryFilter(a => a.TenantId == context.TenantId);
    }
}
