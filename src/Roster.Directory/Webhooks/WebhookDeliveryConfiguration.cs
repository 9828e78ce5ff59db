using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Roster.Directory.Database;

namespace Roster.Directory.Webhooks;

/// <summary>The <c>webhook_deliveries</c> table (tenant-filtered by the context it is applied to).</summary>
internal sealed class WebhookDeliveryConfiguration(RosterDbContext context) : IEntityTypeConfiguration<WebhookDeliveryRecord>
{
    public void Configure(EntityTypeBuilder<WebhookDeliveryRecord> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => new { d.TenantId, d.Id }).HasName("pk_webhook_deliveries");

        // One delivery per event and endpoint; the claim reads an endpoint's deliveries by state in feed order.
        builder.HasIndex(d => new { d.TenantId, d.EndpointId, d.Sequence }).IsUnique().HasDatabaseName("ux_webhook_deliveries_sequence");
        builder.HasIndex(d => new { d.TenantId, d.EndpointId, d.State, d.Sequence }).HasDatabaseName("ix_webhook_deliveries_state");

        // "Is an older event of this resource still pending?", asked for every candidate of a claim.
        builder.HasIndex(d => new { d.TenantId, d.EndpointId, d.ResourceId, d.State, d.Sequence }).HasDatabaseName("ix_webhook_deliveries_resource");
        builder.Property(d => d.Type).HasMaxLength(100);
        builder.Property(d => d.State).HasMaxLength(10);
        builder.Property(d => d.LeaseOwner).HasMaxLength(100);
        builder.HasOne<WebhookEndpointRecord>().WithMany().HasForeignKey(d => new { d.TenantId, d.EndpointId })
            .OnDelete(DeleteBehavior.Cascade).HasConstraintName("fk_webhook_deliveries_endpoints");
        builder.HasQueryFilter(d => d.TenantId == context.TenantId);
    }
}
