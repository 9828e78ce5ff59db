using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roster.Directory.Database;
using Roster.Directory.Tenants;

namespace Roster.Directory.Webhooks;

/// <summary>The <c>webhook_endpoints</c> table (tenant-filtered by the context it is applied to).</summary>
internal sealed class WebhookEndpointConfiguration(RosterDbContext context) : IEntityTypeConfiguration<WebhookEndpointRecord>
{
    public void Configure(EntityTypeBuilder<WebhookEndpointRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("webhook_endpoints");
        builder.HasKey(e => new { e.TenantId, e.Id }).HasName("pk_webhook_endpoints");
        builder.Property(e => e.Url).HasMaxLength(WebhookUrl.MaxLength);
        builder.Property(e => e.Description).HasMaxLength(1000);
        builder.Property(e => e.EventTypes).HasMaxLength(4000);
        builder.Property(e => e.DisabledReason).HasMaxLength(500);
        builder.Property(e => e.Secret).HasMaxLength(2000);
        builder.Property(e => e.PreviousSecret).HasMaxLength(2000);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).HasConstraintName("fk_webhook_endpoints_tenants");
        builder.HasQueryFilter(e => e.TenantId == context.TenantId);
    }
}
