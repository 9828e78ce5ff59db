using Microsoft.EntityFrameworkCore;

namespace Roster.Directory.Operators;

/// <summary>
/// The model's part for the operator: <c>operator_keys</c> and <c>operator_events</c>. Neither
/// belongs to a tenant: a key works across tenants on the operator API only, and the events
/// outlive the tenants they are about (a deletion is recorded after the tenant's own audit log is gone).
/// </summary>
internal static class OperatorSchema
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OperatorKeyRecord>(key =>
        {
            key.ToTable("operator_keys");
            key.HasKey(k => k.Id).HasName("pk_operator_keys");
            key.Property(k => k.Name).HasMaxLength(OperatorKeys.MaxNameLength);
            key.Property(k => k.Hint).HasMaxLength(10);
            key.HasIndex(k => k.Hash).IsUnique().HasDatabaseName("ux_operator_keys_hash");
        });

        modelBuilder.Entity<OperatorEventRecord>(record =>
        {
            record.ToTable("operator_events");
            record.HasKey(e => e.Id).HasName("pk_operator_events");
            record.Property(e => e.Client).HasMaxLength(100);
            record.Property(e => e.Action).HasMaxLength(100);
            record.HasIndex(e => e.Occurred).HasDatabaseName("ix_operator_events_occurred");
        });
    }
}
